//! One frame's pixels, computed from a snapshot: the grid evaluation, the boundary heatmap
//! and, when asked, one small map per hidden neuron. Buffers are reused frame to frame.
use crate::core::curve::{sample_curve, CurveSamples};
use crate::core::dataset::Problem;
use crate::core::mlp::Mlp;
use crate::core::snapshot::{Grid, ModelView, Snapshot};
use crate::render::contour::{boundary_segments, chain, Polyline, Segment};
use crate::render::curve::unit_curve_rgba;
use crate::render::digits::DigitsPictures;
use crate::render::heatmap::{boundary_rgba, neuron_rgba};

/// The boundary's resolution: cells per side (the TensorFlow Playground's density).
pub const BOUNDARY_RES: usize = 100;
/// The per-neuron maps' resolution (they are drawn small).
pub const NEURON_RES: usize = 25;
/// Curve mode's per-neuron maps: one x per column, enough to draw a curve when enlarged.
pub const CURVE_NEURON_RES: usize = 64;

/// Pixel buffers for one frame, kept between frames.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    pub grid: Grid,
    pub neuron_grid: Grid,
    /// `BOUNDARY_RES²` RGBA pixels.
    pub boundary: Vec<u8>,
    /// Where a two-class model decides (score 0.5), as line segments; empty otherwise.
    pub boundary_line: Vec<Segment>,
    /// The same line with its segments joined end to end, as it is drawn.
    pub boundary_paths: Vec<Polyline>,
    /// One `neuron_res²` RGBA map per hidden neuron (empty when not asked for).
    pub neurons: Vec<Vec<u8>>,
    /// The side of each neuron map: [`NEURON_RES`], or [`CURVE_NEURON_RES`] in curve mode.
    pub neuron_res: usize,
    /// Digits mode's pictures (its views are images, not the plane: no boundary, no maps).
    pub digits: Option<DigitsPictures>,
    curve: CurveSamples,
    net: Option<Mlp>,
}

impl Frame {
    /// Recomputes the frame for `snapshot`, with the per-neuron maps if `with_neurons`.
    /// Never inlined, for the reason given at [`crate::core::trainer::Trainer::run_frame`].
    #[inline(never)]
    pub fn compute(&mut self, snapshot: &Snapshot, discretize: bool, with_neurons: bool) {
        if let ModelView::Digits(view) = &snapshot.model {
            self.digits = Some(DigitsPictures::of(view, &snapshot.net));
            return;
        }
        self.digits = None;
        self.compute_boundary(snapshot, discretize);
        if with_neurons {
            self.compute_neurons(snapshot);
        } else {
            self.neurons.clear();
        }
    }

    /// The decision boundary only.
    pub fn compute_boundary(&mut self, snapshot: &Snapshot, discretize: bool) {
        if !snapshot.has_plane() {
            return;
        }
        let net = scratch_net(&mut self.net, snapshot);
        snapshot.evaluate_grid(net, BOUNDARY_RES, false, &mut self.grid);
        boundary_rgba(&self.grid, snapshot.problem, discretize, &mut self.boundary);
        match snapshot.problem {
            Problem::Classification => boundary_segments(&self.grid, &mut self.boundary_line),
            Problem::Regression => self.boundary_line.clear(),
        }
        chain(&self.boundary_line, &mut self.boundary_paths);
    }

    /// The per-neuron maps only: what each unit responds to over the plot, or in curve mode
    /// each unit's output against x.
    pub fn compute_neurons(&mut self, snapshot: &Snapshot) {
        if !snapshot.has_plane() {
            return;
        }
        let net = scratch_net(&mut self.net, snapshot);
        if let ModelView::Curve(_) = snapshot.model {
            let res = CURVE_NEURON_RES;
            let (features, standardizer) = (snapshot.features, &snapshot.standardizer);
            let x_range = snapshot.domain.x1;
            sample_curve(
                net,
                features,
                standardizer,
                x_range,
                res,
                true,
                &mut self.curve,
            );
            self.neuron_res = res;
            self.neurons.resize_with(self.curve.hidden_units, Vec::new);
            for (unit, px) in self.neurons.iter_mut().enumerate() {
                unit_curve_rgba(self.curve.unit(unit), res, px);
            }
            return;
        }
        self.neuron_res = NEURON_RES;
        snapshot.evaluate_grid(net, NEURON_RES, true, &mut self.neuron_grid);
        let units = self.neuron_grid.hidden_units;
        self.neurons.resize_with(units, Vec::new);
        for (unit, px) in self.neurons.iter_mut().enumerate() {
            neuron_rgba(&self.neuron_grid, unit, px);
        }
    }
}

/// A scratch network with the snapshot's weights, reused while the architecture (sizes,
/// activations, output) stays the same.
fn scratch_net<'a>(slot: &'a mut Option<Mlp>, snapshot: &Snapshot) -> &'a mut Mlp {
    let fits = slot
        .as_ref()
        .is_some_and(|n| n.same_architecture(&snapshot.net));
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
        assert!(
            !frame.boundary_line.is_empty(),
            "two classes: the p = 0.5 line"
        );
    }

    /// Issue 14's defect 1: after a change of activation (same sizes), the plot kept drawing
    /// the old network. A frame reused across changes must draw what a fresh one draws.
    #[test]
    fn a_reused_frame_follows_every_change_of_the_network() {
        let mut t = Trainer::new(ExperimentConfig::default());
        let mut reused = Frame::default();
        reused.compute(&t.snapshot(), false, true);
        let changes = [
            "dataset=circle&activation=relu&init=he",
            "dataset=circle&activation=sigmoid",
            "dataset=circle&activation=sigmoid&xSquared=true&ySquared=true",
            "dataset=xor&activation=sigmoid&networkShape=4,2",
            "dataset=xor&activation=elu&init=he&networkShape=4,2&output=tf",
            "dataset=blobs&classes=3&activation=elu&init=he&networkShape=4,2",
            "model=logistic&dataset=gauss",
            "problem=regression&regDataset=reg-plane&networkShape=4,2",
            "model=curve&networkShape=3,2",
            "model=curve&networkShape=3,2&activation=relu&init=he",
            "dataset=circle",
        ];
        for hash in changes {
            let (cfg, notes) = ExperimentConfig::from_hash(hash);
            assert!(notes.is_empty(), "{hash}: {notes:?}");
            t.apply(cfg);
            t.step(3);
            let snap = t.snapshot();
            reused.compute(&snap, false, true);
            let mut fresh = Frame::default();
            fresh.compute(&snap, false, true);
            assert!(
                reused.boundary == fresh.boundary,
                "{hash}: the heatmap is stale"
            );
            assert_eq!(reused.boundary_line, fresh.boundary_line, "{hash}");
            assert!(
                reused.neurons == fresh.neurons,
                "{hash}: the neuron maps are stale"
            );
        }
    }

    #[test]
    fn the_heatmap_grid_is_the_models_prediction_at_each_cell_centre() {
        for hash in [
            "dataset=circle&activation=relu&init=he",
            "dataset=blobs&classes=3&output=auto",
        ] {
            let (cfg, _) = ExperimentConfig::from_hash(hash);
            let mut t = Trainer::new(cfg);
            t.step(10);
            let mut frame = Frame::default();
            frame.compute_boundary(&t.snapshot(), false);
            let (grid, domain) = (&frame.grid, t.snapshot().domain);
            for (row, col) in [(0, 0), (13, 71), (50, 50), (99, 2)] {
                let want = t.predict(
                    domain.column_x1(col, BOUNDARY_RES),
                    domain.row_x2(row, BOUNDARY_RES),
                );
                let cell = row * BOUNDARY_RES + col;
                let got = &grid.outputs[cell * grid.units..(cell + 1) * grid.units];
                for (g, w) in got.iter().zip(&want) {
                    assert!((g - w).abs() < 1e-5, "{hash} ({row}, {col}): {g} vs {w}");
                }
            }
        }
    }

    #[test]
    fn only_two_class_models_get_a_boundary_line() {
        let line = |hash: &str| {
            let (cfg, _) = ExperimentConfig::from_hash(hash);
            let mut t = Trainer::new(cfg);
            t.step(20);
            let mut frame = Frame::default();
            frame.compute_boundary(&t.snapshot(), false);
            frame.boundary_line.len()
        };
        assert!(line("model=logistic&dataset=gauss") > 10);
        assert_eq!(line("dataset=blobs"), 0, "three classes blend instead");
        assert_eq!(line("problem=regression&regDataset=reg-plane"), 0);
    }

    #[test]
    fn in_curve_mode_each_hidden_neuron_is_a_curve_against_x() {
        let (cfg, _) = ExperimentConfig::from_hash("model=curve&networkShape=3,2");
        let mut frame = Frame::default();
        frame.compute_neurons(&Trainer::new(cfg).snapshot());
        assert_eq!(frame.neuron_res, CURVE_NEURON_RES);
        assert_eq!(frame.neurons.len(), 5);
        for map in &frame.neurons {
            assert_eq!(map.len(), CURVE_NEURON_RES * CURVE_NEURON_RES * 4);
            let ink = map
                .chunks_exact(4)
                .filter(|p| p[..3] == [27, 35, 48])
                .count();
            assert!(
                ink >= CURVE_NEURON_RES,
                "a curve across every column: {ink}"
            );
        }
        frame.compute_neurons(&Trainer::new(ExperimentConfig::default()).snapshot());
        assert_eq!(frame.neuron_res, NEURON_RES, "heat maps again");
        assert_eq!(frame.neurons[0].len(), NEURON_RES * NEURON_RES * 4);
    }
}
