package org.libvirt4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ownership rules of {@link FileDescriptors}: each descriptor closed once, or handed over whole. */
class FileDescriptorsTest {

    @Test
    @DisplayName("close() closes each descriptor once, however often it is called")
    void closesOnce() {
        List<Integer> closed = new CopyOnWriteArrayList<>();
        int[] fds = {7, 9};
        FileDescriptors f = FileDescriptors.of(fds, closed::add);
        fds[0] = 100; // the holder keeps its own copy
        assertThat(f.size()).isEqualTo(2);
        assertThat(f.fds()).containsExactly(7, 9);
        f.close();
        f.close();
        assertThat(closed).containsExactly(7, 9);
        assertThatThrownBy(f::fds).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("release() hands the descriptors over: close() then leaves them open")
    void releaseHandsOver() {
        List<Integer> closed = new CopyOnWriteArrayList<>();
        FileDescriptors f = FileDescriptors.of(new int[] {3}, closed::add);
        assertThat(f.release()).containsExactly(3);
        f.close();
        assertThat(closed).isEmpty();
        assertThatThrownBy(f::release).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("An empty holder has nothing to close and stays readable")
    void empty() {
        FileDescriptors f = FileDescriptors.of(new int[0], fd -> {
            throw new AssertionError("nothing to close");
        });
        f.close();
        assertThat(f.fds()).isEmpty();
        assertThat(FileDescriptors.none().size()).isZero();
    }
}
