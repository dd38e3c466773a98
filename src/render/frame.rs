//! One frame's pixels, computed from a snapshot: the grid evaluation, the boundary heatmap
//! and, when asked, one small map per hidden neuron. Buffers are reused frame to frame.
use crate::core::mlp::Mlp;
use crate::core::snapshot::{Grid, Snapshot};
use crate::render::heatmap::{boundary_rgba, neuron_rgba};

/// The boundary's resolution: cells per side (the TensorFlow Playground's density).
pub const BOUNDARY_RES: usize = 100;
/// The per-neuron maps' resolution (they are drawn small).
pub const NEURON_RES: usize = 25;

/// Pixel buffers for one frame, kept between frames.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    pub grid: Grid,
    pub neuron_grid: Grid,
    /// `BOUNDARY_RES²` RGBA pixels.
    pub boundary: Vec<u8>,
    /// One `NEURON_RES²` RGBA map per hidden neuron (empty when not asked for).
    pub neurons: Vec<Vec<u8>>,
    net: Option<Mlp>,
}

impl Frame {
    /// Recomputes the frame for `snapshot`, with the per-neuron maps if `with_neurons`.
    /// Never inlined, for the reason given at [`crate::core::trainer::Trainer::run_frame`].
    #[inline(never)]
    pub fn compute(&mut self, snapshot: &Snapshot, discretize: bool, with_neurons: bool) {
        self.compute_boundary(snapshot, discretize);
        if with_neurons {
            self.compute_neurons(snapshot);
        } else {
            self.neurons.clear();
        }
    }

    /// The decision boundary only.
    pub fn compute_boundary(&mut self, snapshot: &Snapshot, discretize: bool) {
        let net = scratch_net(&mut self.net, snapshot);
        snapshot.evaluate_grid(net, BOUNDARY_RES, false, &mut self.grid);
        boundary_rgba(&self.grid, snapshot.problem, discretize, &mut self.boundary);
    }

    /// The per-neuron maps only.
    pub fn compute_neurons(&mut self, snapshot: &Snapshot) {
        let net = scratch_net(&mut self.net, snapshot);
        snapshot.evaluate_grid(net, NEURON_RES, true, &mut self.neuron_grid);
        let units = self.neuron_grid.hidden_units;
        self.neurons.resize_with(units, Vec::new);
        for (unit, px) in self.neurons.iter_mut().enumerate() {
            neuron_rgba(&self.neuron_grid, unit, px);
        }
    }
}

/// A scratch network with the snapshot's weights, reused while the shape stays the same.
fn scratch_net<'a>(slot: &'a mut Option<Mlp>, snapshot: &Snapshot) -> &'a mut Mlp {
    let fits = slot
        .as_ref()
        .is_some_and(|n| n.sizes() == snapshot.net.sizes() && n.output() == snapshot.net.output());
    if !fits {
        *slot = None;
    }
    let net = slot.get_or_insert_with(|| snapshot.net.clone());
    net.params.copy_from_slice(&snapshot.net.params);
    net
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::ExperimentConfig;
    use crate::core::trainer::Trainer;

    #[test]
    fn a_frame_has_the_boundary_and_one_map_per_hidden_neuron() {
        let mut t = Trainer::new(ExperimentConfig::default());
        let mut frame = Frame::default();
        frame.compute(&t.snapshot(), false, true);
        assert_eq!(frame.boundary.len(), BOUNDARY_RES * BOUNDARY_RES * 4);
        assert_eq!(frame.neurons.len(), 6);
        assert!(frame
            .neurons
            .iter()
            .all(|n| n.len() == NEURON_RES * NEURON_RES * 4));
        let before = frame.boundary.clone();
        t.step(30);
        frame.compute(&t.snapshot(), false, false);
        assert_ne!(frame.boundary, before, "training changes the heatmap");
        assert!(frame.neurons.is_empty());
    }
}
