//! Train and test loss against epoch, kept at a bounded size so that storing and drawing it
//! costs the same after a million epochs as after ten.

/// The most samples kept; when full, every other sample is dropped and the stride doubles.
pub const CAPACITY: usize = 512;

/// Downsampled loss curves. Samples are kept at epochs that are multiples of `stride`
/// (plus always the latest one, so the chart reaches the current epoch).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LossHistory {
    stride: u64,
    epochs: Vec<u64>,
    train: Vec<f64>,
    test: Vec<f64>,
    latest: Option<(u64, f64, f64)>,
}

impl LossHistory {
    /// An empty history.
    pub fn new() -> Self {
        LossHistory {
            stride: 1,
            ..Default::default()
        }
    }

    /// Records the losses after `epoch`. Epochs must grow.
    pub fn push(&mut self, epoch: u64, train: f64, test: f64) {
        self.latest = Some((epoch, train, test));
        if !epoch.is_multiple_of(self.stride.max(1)) || self.epochs.last() == Some(&epoch) {
            return;
        }
        self.epochs.push(epoch);
        self.train.push(train);
        self.test.push(test);
        if self.epochs.len() >= CAPACITY {
            self.stride *= 2;
            let stride = self.stride;
            let keep: Vec<bool> = self.epochs.iter().map(|e| e % stride == 0).collect();
            for v in [&mut self.train, &mut self.test] {
                let mut k = keep.iter();
                v.retain(|_| *k.next().unwrap_or(&false));
            }
            self.epochs.retain(|e| e % stride == 0);
        }
    }

    /// The samples `(epoch, train loss, test loss)`, oldest first, ending at the latest epoch.
    pub fn samples(&self) -> impl Iterator<Item = (u64, f64, f64)> + '_ {
        let kept = self
            .epochs
            .iter()
            .zip(&self.train)
            .zip(&self.test)
            .map(|((&e, &tr), &te)| (e, tr, te));
        let tail = self
            .latest
            .filter(|(e, _, _)| self.epochs.last() != Some(e));
        kept.chain(tail)
    }

    /// How many samples [`LossHistory::samples`] yields.
    pub fn len(&self) -> usize {
        self.samples().count()
    }

    /// Whether nothing was recorded yet.
    pub fn is_empty(&self) -> bool {
        self.latest.is_none()
    }

    /// The latest epoch recorded.
    pub fn last_epoch(&self) -> u64 {
        self.latest.map_or(0, |(e, _, _)| e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_stays_bounded_and_the_curve_reaches_the_last_epoch() {
        let mut h = LossHistory::new();
        for e in 1..=1_000_000u64 {
            h.push(e, 1.0 / e as f64, 2.0 / e as f64);
        }
        assert!(h.len() <= CAPACITY + 1, "{}", h.len());
        assert!(h.len() > CAPACITY / 2);
        let samples: Vec<_> = h.samples().collect();
        assert_eq!(samples.last().unwrap().0, 1_000_000);
        assert!(samples.windows(2).all(|w| w[0].0 < w[1].0));
        let (e, tr, te) = samples[10];
        assert_eq!(tr, 1.0 / e as f64);
        assert_eq!(te, 2.0 / e as f64);
    }

    #[test]
    fn sparse_epochs_are_recorded() {
        let mut h = LossHistory::new();
        assert!(h.is_empty());
        h.push(0, 1.0, 1.0);
        h.push(100, 0.5, 0.6);
        h.push(250, 0.2, 0.3);
        assert_eq!(h.samples().map(|s| s.0).collect::<Vec<_>>(), [0, 100, 250]);
        assert_eq!(h.last_epoch(), 250);
    }
}
