//! The training's share of an animation frame, adapted to the frames' pace: when frames come
//! late (the views, the browser or another program took the time), training gets less of the
//! next ones; while they come on time, it gets back up to [`FRAME_BUDGET_MS`]. So a heavy
//! mode (digits, whose views cost more) keeps the display's pace at the Max speed.
use super::FRAME_BUDGET_MS;

/// A 60 Hz display's frame, in milliseconds.
pub const DISPLAY_FRAME_MS: f64 = 1000.0 / 60.0;
/// A frame this much longer than the display's came late.
const LATE: f64 = 1.3;
/// Gaps longer than this are not the frames' pace (a hidden tab, a pause, a dialog).
const GAP_MS: f64 = 250.0;
/// The least training budget, in milliseconds.
pub const MIN_BUDGET_MS: f64 = 4.0;

/// The training budget of the next frame, from the gaps between frames.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FramePace {
    budget_ms: f64,
}

impl Default for FramePace {
    fn default() -> Self {
        FramePace {
            budget_ms: FRAME_BUDGET_MS,
        }
    }
}

impl FramePace {
    /// Training's budget for the next frame, in milliseconds: [`MIN_BUDGET_MS`] to
    /// [`FRAME_BUDGET_MS`].
    pub fn budget_ms(&self) -> f64 {
        self.budget_ms
    }

    /// Takes the gap since the previous frame began, in milliseconds: a late frame cuts the
    /// budget by a fifth, one on time gives back a tenth of a millisecond (so that it probes
    /// upwards slowly: about one late frame in twenty under a steady load).
    pub fn after_frame(&mut self, gap_ms: f64) {
        if !gap_ms.is_finite() || gap_ms > GAP_MS || gap_ms <= 0.0 {
            return;
        }
        let b = if gap_ms > LATE * DISPLAY_FRAME_MS {
            self.budget_ms * 0.8
        } else {
            self.budget_ms + 0.1
        };
        self.budget_ms = b.clamp(MIN_BUDGET_MS, FRAME_BUDGET_MS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_frames_cut_the_budget_and_frames_on_time_give_it_back() {
        let mut pace = FramePace::default();
        assert_eq!(pace.budget_ms(), FRAME_BUDGET_MS);
        pace.after_frame(16.7);
        assert_eq!(pace.budget_ms(), FRAME_BUDGET_MS, "never above the cap");
        pace.after_frame(33.4);
        assert!((pace.budget_ms() - 0.8 * FRAME_BUDGET_MS).abs() < 1e-9);
        for _ in 0..100 {
            pace.after_frame(50.0);
        }
        assert_eq!(pace.budget_ms(), MIN_BUDGET_MS, "never under the floor");
        for _ in 0..200 {
            pace.after_frame(16.6);
        }
        assert_eq!(pace.budget_ms(), FRAME_BUDGET_MS);
        // A hidden tab's gap, a clock that went back or NaN say nothing about the pace.
        for gap in [5_000.0, -3.0, f64::NAN] {
            pace.after_frame(gap);
            assert_eq!(pace.budget_ms(), FRAME_BUDGET_MS);
        }
    }

    #[test]
    fn a_steady_overload_settles_where_frames_keep_pace() {
        // Each frame takes the training budget plus 9 ms of views: past 16.7 ms it misses the
        // display's frame and shows a frame later. Once settled, few frames are late.
        let mut pace = FramePace::default();
        let mut late = 0;
        for i in 0..600 {
            let on_time = pace.budget_ms() + 9.0 <= DISPLAY_FRAME_MS;
            if i >= 300 && !on_time {
                late += 1;
            }
            pace.after_frame(if on_time {
                DISPLAY_FRAME_MS
            } else {
                2.0 * DISPLAY_FRAME_MS
            });
        }
        assert!(late < 30, "{late} of 300 frames late once settled");
        assert!(pace.budget_ms() > 5.0, "training keeps most of the room");
    }
}
