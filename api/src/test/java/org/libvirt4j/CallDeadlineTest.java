package org.libvirt4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What {@link CallDeadline#currentNanos()} answers, which every native call asks: the count of
 * open scopes that spares the ThreadLocal lookup must never hide a scope of the calling thread,
 * nor show another thread's, nor keep a closed one alive.
 */
@SuppressWarnings("try") // a CallDeadline scope is used by being open
class CallDeadlineTest {

    /** Fails when a scope is not seen on its thread, or outlives its close. Check the count in within/close. */
    @Test
    @DisplayName("A scope applies on its thread from within() to close(), and the earliest of nested scopes wins")
    void scopeOnItsThread() {
        assertThat(CallDeadline.currentNanos()).isEmpty();
        try (CallDeadline outer = CallDeadline.within(Duration.ofSeconds(5))) {
            long at = CallDeadline.currentNanos().orElseThrow();
            assertThat(at - System.nanoTime()).isPositive().isLessThanOrEqualTo(TimeUnit.SECONDS.toNanos(5));
            try (CallDeadline inner = CallDeadline.within(Duration.ofHours(1))) {
                assertThat(CallDeadline.currentNanos()).hasValue(at);
            }
            assertThat(CallDeadline.currentNanos()).hasValue(at);
        }
        assertThat(CallDeadline.currentNanos()).isEmpty();
    }

    /**
     * Fails when another thread's open scope leaks into this one (the count is shared, the
     * deadline is not). Check that currentNanos reads the ThreadLocal whenever the count is not zero.
     */
    @Test
    @DisplayName("A scope open on another thread does not apply here")
    void otherThreadsScopeDoesNotApply() throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (CallDeadline d = CallDeadline.within(Duration.ZERO)) {
                opened.countDown();
                checked.await();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        try {
            assertThat(opened.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(CallDeadline.currentNanos()).isEmpty();
        } finally {
            checked.countDown();
            t.join();
        }
        assertThat(failure.get()).isNull();
    }

    /**
     * Fails when a scope closed out of order comes back once the scope nested in it closes. Check
     * close()'s restore, which skips closed enclosing scopes.
     */
    @Test
    @DisplayName("An enclosing scope closed before its nested one no longer applies once the nested one closes")
    void outOfOrderClose() {
        CallDeadline outer = CallDeadline.within(Duration.ZERO);
        CallDeadline inner = CallDeadline.within(Duration.ofHours(1));
        outer.close();
        assertThat(CallDeadline.currentNanos()).as("the nested scope holds the outer's deadline").isPresent();
        inner.close();
        assertThat(CallDeadline.currentNanos()).isEqualTo(OptionalLong.empty());
    }
}
