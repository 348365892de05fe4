package io.github.landmarkj.train;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate of LandmarkJ's trainings: a linear warm-up over the first epoch (at most a tenth of
 * the run), then cosine decay to 1% of the peak at the last step. A resumed run continues the schedule
 * where the checkpoint left it: DJL counts steps from 0 again, so the steps already done are added.
 */
public final class WarmupCosineSchedule implements Tracker {
	private final float peak;
	private final int warmUp;
	private final int totalSteps;
	private final int stepsDone;

	/**
	 * @param stepsPerEpoch optimiser steps in one epoch
	 * @param epochs epochs of the whole run
	 * @param stepsDone steps before this process started (resuming), 0 for a fresh run
	 */
	public WarmupCosineSchedule(double peak, int stepsPerEpoch, int epochs, int stepsDone) {
		this.peak = (float) peak;
		this.totalSteps = stepsPerEpoch * epochs;
		this.warmUp = Math.min(stepsPerEpoch, totalSteps / 10);
		this.stepsDone = stepsDone;
	}

	/** @param step DJL's count of this process's steps, from 0 */
	@Override
	public float getNewValue(int step) {
		int s = step + stepsDone;
		if (s < warmUp) {
			return peak * (s + 1) / warmUp;
		}
		double progress = Math.min(1.0, (s - warmUp) / (double) Math.max(1, totalSteps - warmUp));
		return (float) (peak * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * progress))));
	}
}
