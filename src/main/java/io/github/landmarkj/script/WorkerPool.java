package io.github.landmarkj.script;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Workers that are not thread-safe (networks), lent to one caller at a time: a caller borrows an idle
 * worker for its key or, when none is idle, opens a new one, so that two callers at once each get their
 * own; a returned worker waits for the next caller, up to {@code maxIdlePerKey} per key, and the rest are
 * closed. {@link #close()} closes the idle workers and, as they come back, the lent ones. Thread-safe.
 *
 * @param <K> what a worker is opened for (equal keys: interchangeable workers)
 * @param <W> the worker
 */
final class WorkerPool<K, W extends AutoCloseable> implements AutoCloseable {
	/** Opens a worker for a key; called without the pool's lock held. */
	interface Opener<K, W> {
		W open(K key) throws IOException;
	}

	private final Opener<K, W> opener;
	private final int maxIdlePerKey;
	private final Consumer<Exception> closeFailures;
	private final Map<K, Deque<W>> idle = new HashMap<>();
	private boolean closed;

	/** @param closeFailures told when closing a worker fails (the log) */
	WorkerPool(Opener<K, W> opener, int maxIdlePerKey, Consumer<Exception> closeFailures) {
		if (maxIdlePerKey < 1) {
			throw new IllegalArgumentException("maxIdlePerKey must be at least 1, got " + maxIdlePerKey);
		}
		this.opener = opener;
		this.maxIdlePerKey = maxIdlePerKey;
		this.closeFailures = closeFailures;
	}

	/** A worker for {@code key}, the caller's alone until the lease is closed. */
	Lease borrow(K key) throws IOException {
		synchronized (this) {
			requireOpen();
			Deque<W> free = idle.get(key);
			if (free != null && !free.isEmpty()) {
				return new Lease(key, free.pop());
			}
		}
		W worker = opener.open(key);
		synchronized (this) {
			if (closed) {
				closeQuietly(worker);
				requireOpen();
			}
		}
		return new Lease(key, worker);
	}

	/** Idle workers for {@code key}, for tests. */
	synchronized int idleCount(K key) {
		Deque<W> free = idle.get(key);
		return free == null ? 0 : free.size();
	}

	private synchronized void giveBack(K key, W worker, boolean reusable) {
		Deque<W> free = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
		if (!closed && reusable && free.size() < maxIdlePerKey) {
			free.push(worker);
		} else {
			closeQuietly(worker);
		}
	}

	private void requireOpen() {
		if (closed) {
			throw new IllegalStateException("The LandmarkJ service has been disposed (its SciJava context was closed)");
		}
	}

	@Override
	public void close() {
		List<W> toClose = new ArrayList<>();
		synchronized (this) {
			closed = true;
			idle.values().forEach(toClose::addAll);
			idle.clear();
		}
		toClose.forEach(this::closeQuietly);
	}

	/** Closing frees native memory; a failure there is logged, as the caller can do nothing about it. */
	private void closeQuietly(AutoCloseable worker) {
		try {
			worker.close();
		} catch (Exception e) {
			closeFailures.accept(e);
		}
	}

	/** One borrowed worker; closing it gives the worker back. */
	final class Lease implements AutoCloseable {
		private final K key;
		private final W worker;
		private boolean reusable = true;
		private boolean returned;

		private Lease(K key, W worker) {
			this.key = key;
			this.worker = worker;
		}

		W worker() {
			return worker;
		}

		/** The worker failed mid-call: close it on return rather than lend it again. */
		void discard() {
			reusable = false;
		}

		@Override
		public void close() {
			if (!returned) {
				returned = true;
				giveBack(key, worker, reusable);
			}
		}
	}
}
