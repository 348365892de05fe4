package io.github.landmarkj.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Lending workers that are not thread-safe, with fake workers (no libtorch). */
class WorkerPoolTest {
	/** A worker that fails the test when two callers use it at once, and knows whether it was closed. */
	static final class FakeWorker implements AutoCloseable {
		final String key;
		private final AtomicInteger users = new AtomicInteger();
		volatile boolean closed;

		FakeWorker(String key) {
			this.key = key;
		}

		void use(CountDownLatch bothInside) throws InterruptedException {
			if (users.incrementAndGet() != 1) {
				throw new IllegalStateException("two callers share one worker");
			}
			bothInside.countDown();
			bothInside.await(5, TimeUnit.SECONDS);
			users.decrementAndGet();
		}

		@Override
		public void close() {
			closed = true;
		}
	}

	private final List<FakeWorker> opened = Collections.synchronizedList(new ArrayList<>());
	private final List<Exception> closeFailures = Collections.synchronizedList(new ArrayList<>());

	private WorkerPool<String, FakeWorker> pool(int maxIdle) {
		return new WorkerPool<>(key -> {
			FakeWorker w = new FakeWorker(key);
			opened.add(w);
			return w;
		}, maxIdle, closeFailures::add);
	}

	@Test
	void aReturnedWorkerServesTheNextCallerWithTheSameKeyOnly() throws Exception {
		WorkerPool<String, FakeWorker> pool = pool(2);
		FakeWorker first;
		try (WorkerPool<String, FakeWorker>.Lease lease = pool.borrow("face68")) {
			first = lease.worker();
		}
		assertEquals(1, pool.idleCount("face68"));
		try (WorkerPool<String, FakeWorker>.Lease lease = pool.borrow("face68")) {
			assertSame(first, lease.worker());
		}
		try (WorkerPool<String, FakeWorker>.Lease lease = pool.borrow("other-model")) {
			assertNotSame(first, lease.worker());
			assertEquals("other-model", lease.worker().key);
		}
		assertEquals(2, opened.size());
	}

	@Test
	void twoCallersAtOnceEachGetTheirOwnWorker() throws Exception {
		WorkerPool<String, FakeWorker> pool = pool(4);
		CountDownLatch bothInside = new CountDownLatch(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<FakeWorker>> calls = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				calls.add(threads.submit(() -> {
					try (WorkerPool<String, FakeWorker>.Lease lease = pool.borrow("face68")) {
						lease.worker().use(bothInside);
						return lease.worker();
					}
				}));
			}
			assertNotSame(calls.get(0).get(10, TimeUnit.SECONDS), calls.get(1).get(10, TimeUnit.SECONDS));
		} finally {
			threads.shutdownNow();
		}
		assertEquals(2, opened.size());
		assertEquals(2, pool.idleCount("face68"));
	}

	@Test
	void workersBeyondTheIdleLimitAndFailedOnesAreClosed() throws Exception {
		WorkerPool<String, FakeWorker> pool = pool(1);
		WorkerPool<String, FakeWorker>.Lease a = pool.borrow("k");
		WorkerPool<String, FakeWorker>.Lease b = pool.borrow("k");
		a.close();
		b.close();
		b.close(); // a second close gives nothing back twice
		assertEquals(1, pool.idleCount("k"));
		assertFalse(a.worker().closed);
		assertTrue(b.worker().closed, "one idle worker per key is kept");

		WorkerPool<String, FakeWorker>.Lease c = pool.borrow("k");
		c.discard();
		c.close();
		assertTrue(c.worker().closed, "a worker that failed mid-call is not lent again");
		assertEquals(0, pool.idleCount("k"));
	}

	@Test
	void closingClosesIdleWorkersThenLentOnesAsTheyComeBackAndRefusesNewCallers() throws Exception {
		WorkerPool<String, FakeWorker> pool = pool(2);
		pool.borrow("k").close();
		WorkerPool<String, FakeWorker>.Lease lent = pool.borrow("k");
		WorkerPool<String, FakeWorker>.Lease idleSoon = pool.borrow("k");
		idleSoon.close();
		pool.close();
		assertTrue(idleSoon.worker().closed);
		assertFalse(lent.worker().closed, "a running call keeps its worker");
		lent.close();
		assertTrue(lent.worker().closed);
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.borrow("k"));
		assertTrue(e.getMessage().contains("disposed"), e.getMessage());
		assertTrue(opened.stream().allMatch(w -> w.closed));
	}

	@Test
	void aFailureToCloseReachesTheCallback() throws Exception {
		WorkerPool<String, AutoCloseable> pool = new WorkerPool<>(key -> () -> {
			throw new IllegalStateException("native free failed");
		}, 1, closeFailures::add);
		pool.borrow("k").close();
		pool.close();
		assertEquals(1, closeFailures.size());
		assertEquals("native free failed", closeFailures.get(0).getMessage());
	}
}
