package org.libvirt4j;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Events of one registration as a {@link Flow.Publisher}, for applications that consume them as
 * streams: the libvirt callback only offers each item to a bounded buffer per subscriber and
 * returns, so a slow subscriber never blocks the backend's event thread; what happens when a
 * buffer is full is the {@link Overflow} policy chosen at creation.
 *
 * <pre>{@code
 * try (EventPublisher<String> p = EventPublisher.of(
 *         sink -> conn.domainEventLifecycleRegister(null, (c, d, e) -> sink.accept(d.getName() + ": " + e)),
 *         conn::domainEventDeregister, 1024, EventPublisher.Overflow.DROP_NEWEST)) {
 *     p.subscribe(subscriber);
 *     ...
 * }
 * }</pre>
 *
 * <p>The callback runs on the event thread and must copy what it needs from the object it is
 * given (a name, a UUID): the object is closed when the callback returns. {@link #close()}
 * deregisters and completes every subscriber.
 *
 * @param <T> what the registration's callback publishes
 */
public final class EventPublisher<T> implements Flow.Publisher<T>, AutoCloseable {
    /** What happens to an event that finds a subscriber's buffer full. */
    public enum Overflow {
        /** The event is dropped for that subscriber and counted in {@link #dropped()}; the stream goes on. */
        DROP_NEWEST,
        /**
         * The publisher fails: the callback is deregistered and every subscriber's stream ends
         * with {@code onError} ({@link IllegalStateException} naming the capacity); the event is
         * counted in {@link #dropped()}.
         */
        FAIL
    }

    /** Registers the callback that feeds the publisher. */
    @FunctionalInterface
    public interface Registrar<T> {
        /**
         * @param sink where the callback puts each item; never blocks
         * @return the callback id, for the deregister method
         */
        int register(Consumer<T> sink);
    }

    private final SubmissionPublisher<T> publisher;
    private final Overflow overflow;
    private final int capacity;
    private final AtomicLong dropped = new AtomicLong();
    private volatile EventRegistration registration;

    private EventPublisher(Registrar<T> registrar, IntConsumer deregister, int capacity, Overflow overflow,
            Executor executor) {
        this.publisher = new SubmissionPublisher<>(executor, capacity);
        this.overflow = overflow;
        this.capacity = capacity;
        int id;
        try {
            id = registrar.register(this::offer);
        } catch (RuntimeException e) {
            publisher.close();
            throw e;
        }
        this.registration = EventRegistration.of(id, deregister);
    }

    /**
     * Registers through registrar and publishes what its callback offers, each subscriber served
     * by {@link java.util.concurrent.ForkJoinPool#commonPool()}.
     *
     * @param <T> the item type
     * @param registrar registers the callback (one of {@link ConnectEvents}' register methods)
     * @param deregister the family's deregister method
     * @param capacity the most items buffered per subscriber (rounded up to a power of two), at least 1
     * @param overflow what a full buffer does
     * @return the publisher, registered
     * @throws LibvirtException what the register method throws
     */
    public static <T> EventPublisher<T> of(Registrar<T> registrar, IntConsumer deregister, int capacity,
            Overflow overflow) {
        return of(registrar, deregister, capacity, overflow, java.util.concurrent.ForkJoinPool.commonPool());
    }

    /**
     * As {@link #of(Registrar, IntConsumer, int, Overflow)}, with subscribers served by executor.
     *
     * @param <T> the item type
     * @param registrar registers the callback
     * @param deregister the family's deregister method
     * @param capacity the most items buffered per subscriber, at least 1
     * @param overflow what a full buffer does
     * @param executor runs the subscribers' {@code onNext}
     * @return the publisher, registered
     */
    public static <T> EventPublisher<T> of(Registrar<T> registrar, IntConsumer deregister, int capacity,
            Overflow overflow, Executor executor) {
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(deregister, "deregister");
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(executor, "executor");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " < 1");
        }
        return new EventPublisher<>(registrar, deregister, capacity, overflow, executor);
    }

    private void offer(T item) {
        if (publisher.isClosed()) {
            return;
        }
        publisher.offer(item, (subscriber, lost) -> {
            dropped.incrementAndGet();
            if (overflow == Overflow.FAIL && !publisher.isClosed()) {
                publisher.closeExceptionally(new IllegalStateException(
                        "event buffer of " + capacity + " full: a subscriber did not keep up"));
                try {
                    registration.close(); // from inside the callback, which libvirt allows
                } catch (RuntimeException ignored) {
                    // the stream has already failed; nothing more to tell
                }
            }
            return false;
        });
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        publisher.subscribe(subscriber);
    }

    /** {@return how many items a full buffer has refused so far, over all subscribers} */
    public long dropped() {
        return dropped.get();
    }

    /** {@return the callback id of the registration} */
    public int callbackId() {
        return registration.callbackId();
    }

    /** Deregisters the callback, then completes every subscriber after what is buffered. */
    @Override
    public void close() {
        try {
            registration.close();
        } finally {
            publisher.close();
        }
    }
}
