//! A frame's time budget, read sparingly. Reading the clock costs a call into the browser,
//! which is a real share of an epoch that takes a few microseconds; so the loop reads it about
//! every 1/32 of the budget, judging from the epochs' measured pace, and at least after 1, 2,
//! 4, … epochs while the clock has not yet moved (browsers coarsen `performance.now`).

/// Reads per budget, once the pace is known: the most a frame runs past its budget is about
/// `budget / READS`.
const READS: f64 = 32.0;

/// Counts a frame's units of work against a budget in milliseconds.
pub struct Budget {
    start: f64,
    budget_ms: f64,
    done: u32,
    next_read: u32,
}

impl Budget {
    /// Starts the frame's budget now.
    pub fn start(budget_ms: f64, now: &mut dyn FnMut() -> f64) -> Self {
        Budget {
            start: now(),
            budget_ms,
            done: 0,
            next_read: 1,
        }
    }

    /// The units of work done.
    pub fn done(&self) -> u32 {
        self.done
    }

    /// Counts one unit of work done; false once the budget is spent.
    pub fn tick(&mut self, now: &mut dyn FnMut() -> f64) -> bool {
        self.done += 1;
        if self.done < self.next_read {
            return true;
        }
        let elapsed = now() - self.start;
        if elapsed >= self.budget_ms {
            return false;
        }
        // At most double the stride, so a clock that has not moved yet cannot fool it.
        let stride = if elapsed > 0.0 {
            let per_unit = elapsed / f64::from(self.done);
            ((self.budget_ms / READS) / per_unit).clamp(1.0, f64::from(self.done)) as u32
        } else {
            self.done
        };
        self.next_read = self.done.saturating_add(stride);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Runs units of `unit_ms` each against a 12 ms budget on a clock of `resolution_ms`;
    /// returns (units done, ms spent, clock reads).
    fn run(unit_ms: f64, resolution_ms: f64) -> (u32, f64, u32) {
        let (time, reads) = (Cell::new(0.0), Cell::new(0));
        let mut now = || {
            reads.set(reads.get() + 1);
            (time.get() / resolution_ms).floor() * resolution_ms
        };
        let mut budget = Budget::start(12.0, &mut now);
        loop {
            time.set(time.get() + unit_ms);
            if !budget.tick(&mut now) {
                break;
            }
        }
        (budget.done(), time.get(), reads.get())
    }

    #[test]
    fn fast_units_read_the_clock_rarely_and_stop_near_the_budget() {
        let (done, spent, reads) = run(0.005, 0.001);
        assert!(done > 2000, "{done}");
        assert!(
            (12.0..=12.0 + 12.0 / READS + 0.01).contains(&spent),
            "{spent}"
        );
        assert!(reads < 80, "{reads} clock reads for {done} units");
    }

    #[test]
    fn a_coarse_clock_cannot_make_it_overrun() {
        // Chromium without cross-origin isolation rounds to 0.1 ms.
        let (_, spent, _) = run(0.004, 0.1);
        assert!(spent <= 12.0 + 12.0 / READS + 0.2, "{spent}");
    }

    #[test]
    fn slow_units_read_the_clock_every_time() {
        let (done, spent, reads) = run(5.0, 0.001);
        assert_eq!((done, reads), (3, 4));
        assert_eq!(spent, 15.0);
    }
}
