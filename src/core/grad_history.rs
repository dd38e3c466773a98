//! Per-layer gradient magnitude against epoch, bounded like the loss history, so that vanishing
//! gradients in deep sigmoid networks can be seen: the first layers' gradients fall orders of
//! magnitude below the last layer's.

/// The most samples kept; when full, every other one is dropped and the stride doubles.
pub const CAPACITY: usize = 256;

/// Mean |∂loss/∂w| of each layer's weights, sampled at epochs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GradHistory {
    stride: u64,
    samples: Vec<(u64, Vec<f64>)>,
}

impl GradHistory {
    /// An empty history.
    pub fn new() -> Self {
        GradHistory {
            stride: 1,
            samples: Vec::new(),
        }
    }

    /// Records the magnitudes (one per layer, input side first) after `epoch`.
    pub fn push(&mut self, epoch: u64, magnitudes: Vec<f64>) {
        let stride = self.stride.max(1);
        if !epoch.is_multiple_of(stride) || self.samples.last().is_some_and(|s| s.0 == epoch) {
            return;
        }
        self.samples.push((epoch, magnitudes));
        if self.samples.len() >= CAPACITY {
            self.stride *= 2;
            let stride = self.stride;
            self.samples.retain(|s| s.0.is_multiple_of(stride));
        }
    }

    /// The samples, oldest first.
    pub fn samples(&self) -> &[(u64, Vec<f64>)] {
        &self.samples
    }

    /// How many layers the samples have.
    pub fn layers(&self) -> usize {
        self.samples.last().map_or(0, |s| s.1.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_bounded_and_ordered() {
        let mut h = GradHistory::new();
        for e in 0..100_000u64 {
            h.push(e, vec![1.0 / (1.0 + e as f64), 2.0]);
        }
        assert!(h.samples().len() < CAPACITY);
        assert!(h.samples().windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(h.layers(), 2);
    }
}
