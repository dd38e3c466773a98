//! Line mode inside the trainer: y = m·x + c fitted to the (x, y) = (x₁, x₂) points by
//! gradient descent on the mean squared error, three ways at once. Batch, mini-batch (the
//! config's batch size) and stochastic descent start from the same (m, c) and take one epoch
//! each per epoch; the mini-batch path is the model the readouts show.
use super::budget::Budget;
use super::Run;
use crate::core::config::ExperimentConfig;
use crate::core::dataset::Point;
use crate::core::line_fit::{self, Descent, LinePath};
use crate::core::snapshot::LineView;

/// The three descents of line mode.
#[derive(Clone, Debug, PartialEq)]
pub struct LineRun {
    /// Batch, mini-batch and stochastic, in that order.
    pub paths: [LinePath; 3],
}

/// The index of the mini-batch path: the model the readouts and the loss show.
pub const MAIN_PATH: usize = 1;

impl LineRun {
    /// Three paths from the config's `line_start`, the mini-batch one of `batch_size`.
    pub fn new(cfg: &ExperimentConfig) -> Self {
        let start = (cfg.line_start[0], cfg.line_start[1]);
        let seed = cfg.seed;
        LineRun {
            paths: [
                LinePath::new(Descent::Batch, start, seed, 0),
                LinePath::new(Descent::MiniBatch(cfg.batch_size), start, seed, 1),
                LinePath::new(Descent::Stochastic, start, seed, 2),
            ],
        }
    }

    /// Makes the mini-batch path's batches `batch` points from the next epoch on (its legend
    /// says so at once).
    pub fn set_batch_size(&mut self, batch: usize) {
        self.paths[MAIN_PATH].descent = Descent::MiniBatch(batch.max(1));
    }

    /// One epoch of every path; the mini-batch path follows the config's batch size.
    pub fn epoch(&mut self, points: &[Point], cfg: &ExperimentConfig, epoch: u64) {
        let lr = cfg.learning_rate_at(epoch);
        self.set_batch_size(cfg.batch_size);
        for path in &mut self.paths {
            path.epoch(points, lr);
        }
    }

    /// The model's (m, c): the mini-batch path's latest position.
    pub fn current(&self) -> (f64, f64) {
        self.paths[MAIN_PATH].last()
    }

    /// Whether the model's path diverged.
    pub fn diverged(&self) -> bool {
        self.paths[MAIN_PATH].diverged
    }

    /// What line mode shows of this run over `points`.
    pub fn view(&self, points: &[Point]) -> LineView {
        let (m, c) = self.current();
        LineView {
            m,
            c,
            paths: self.paths.to_vec(),
            least_squares: line_fit::least_squares(points),
            gradient: (!points.is_empty()).then(|| line_fit::gradient(points.iter(), m, c)),
        }
    }
}

impl super::Trainer {
    /// Line mode's frame: up to `max_epochs` epochs of all three descents within the budget;
    /// nothing once the model's path diverged or without points.
    pub(super) fn run_line(
        &mut self,
        max_epochs: u32,
        budget_ms: f64,
        now: &mut dyn FnMut() -> f64,
    ) -> u32 {
        let Run::Line(run) = &mut self.run else {
            return 0;
        };
        if self.diverged || self.points.is_empty() {
            return 0;
        }
        let mut budget = Budget::start(budget_ms, now);
        while budget.done() < max_epochs && !run.diverged() {
            run.epoch(&self.points, &self.config, self.epoch);
            self.epoch += 1;
            if !budget.tick(now) {
                break;
            }
        }
        self.evaluate();
        budget.done()
    }

    /// Line mode's metrics: the model's mean squared error over every point (all of them
    /// train the line), recorded on the loss chart; flags a divergence.
    pub(super) fn evaluate_line(&mut self) {
        let Run::Line(run) = &self.run else {
            return;
        };
        let (m, c) = run.current();
        let loss = (!self.points.is_empty()).then(|| line_fit::mse(&self.points, m, c));
        self.metrics = crate::core::snapshot::Metrics {
            train_loss: loss,
            n_train: self.points.len(),
            ..Default::default()
        };
        match loss {
            _ if run.diverged() => self.diverged = true,
            Some(l) if !l.is_finite() => self.diverged = true,
            Some(l) => self.history.push(self.epoch, l, f64::NAN),
            None => {}
        }
        self.version += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::line_fit::MAX_PATH;

    fn points() -> Vec<Point> {
        (0..40)
            .map(|i| {
                let x = f64::from(i) * 0.3 - 6.0;
                Point::new(x, 0.6 * x + 1.0 + 0.3 * (f64::from(i) * 2.3).sin(), 0.0)
            })
            .collect()
    }

    fn cfg(lr: f64, batch: usize) -> ExperimentConfig {
        ExperimentConfig {
            learning_rate: lr,
            batch_size: batch,
            ..ExperimentConfig::default()
        }
    }

    #[test]
    fn the_three_paths_start_together_and_take_their_own_number_of_updates() {
        let cfg = cfg(0.01, 10);
        let mut run = LineRun::new(&cfg);
        run.epoch(&points(), &cfg, 0);
        let lens: Vec<usize> = run.paths.iter().map(|p| p.positions.len()).collect();
        assert_eq!(lens, [2, 5, 41]);
        assert!(run.paths.iter().all(|p| p.positions[0] == (-1.0, -3.0)));
    }

    #[test]
    fn all_three_reach_least_squares() {
        let pts = points();
        let cfg = cfg(0.01, 10);
        let mut run = LineRun::new(&cfg);
        for e in 0..300 {
            run.epoch(&pts, &cfg, e);
        }
        let (m, c) = line_fit::least_squares(&pts).unwrap();
        for p in &run.paths {
            let (pm, pc) = p.last();
            assert!(
                (pm - m).abs() < 0.05 && (pc - c).abs() < 0.1,
                "{:?}",
                p.descent
            );
            assert!(p.positions.len() <= MAX_PATH + 1);
        }
        let view = run.view(&pts);
        assert_eq!((view.m, view.c), run.current());
        let start = LineRun::new(&cfg).view(&pts);
        assert_eq!(
            start.gradient,
            Some(line_fit::gradient(pts.iter(), start.m, start.c))
        );
        let size = |g: Option<(f64, f64)>| g.map_or(f64::NAN, |(dm, dc)| dm.hypot(dc));
        assert!(
            size(view.gradient) < 0.05 * size(start.gradient),
            "near the minimum the surface is flat"
        );
        assert_eq!(run.view(&[]).gradient, None, "no points, no gradient");
    }

    #[test]
    fn a_too_large_step_diverges_and_stops_the_path() {
        let pts = points();
        let cfg = cfg(0.5, 10);
        let mut run = LineRun::new(&cfg);
        for e in 0..200 {
            run.epoch(&pts, &cfg, e);
        }
        assert!(run.diverged());
        assert!(run.paths.iter().all(|p| p
            .positions
            .iter()
            .all(|(m, c)| m.is_finite() && c.is_finite())));
    }
}
