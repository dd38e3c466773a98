//! What digits mode shows beyond the network: the test images' predictions (for the grid) and
//! the confusion matrix.
use super::CLASSES;
use crate::core::history::LossHistory;
use crate::core::loss::class_of;
use crate::core::mlp::{Mlp, Precision};

/// How many test images the grid shows (the first ones of the split).
pub const GRID_DIGITS: usize = 60;
/// Rows per inference batch.
const BATCH: usize = 64;

/// The network's answers on the test images.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DigitsView {
    /// The grid's images: (index in [`super::all`], predicted digit), the first
    /// [`GRID_DIGITS`] test images in data-set order.
    pub grid: Vec<(usize, u8)>,
    /// `confusion[true][predicted]`: how many test images of each digit got each answer.
    pub confusion: [[u32; CLASSES]; CLASSES],
    /// How many test images the network gets wrong.
    pub wrong: usize,
    /// How many test images there are.
    pub tested: usize,
    /// Train and test accuracy (0–1) against epoch.
    pub accuracy_history: LossHistory,
}

impl DigitsView {
    /// Runs `net` (10 outputs) over the test `rows` (`width` inputs each, as the network takes
    /// them), whose labels are `labels` and whose indices in the data set are `indices`.
    pub fn measure(
        net: &mut Mlp,
        rows: &[f64],
        width: usize,
        labels: &[f64],
        indices: &[usize],
    ) -> Self {
        let mut view = DigitsView {
            tested: labels.len(),
            ..DigitsView::default()
        };
        if width == 0 || net.output().units() != CLASSES {
            return view;
        }
        let mut out = [0.0; CLASSES];
        let mut s0 = 0;
        for (batch, targets) in rows.chunks(BATCH * width).zip(labels.chunks(BATCH)) {
            net.load(batch.chunks_exact(width), Precision::Exact);
            net.infer_batch();
            for (s, &y) in targets.iter().enumerate() {
                net.output_of(s, &mut out);
                let predicted = net.output().predict_class(&out).unwrap_or(0);
                let truth = class_of(y, CLASSES);
                view.confusion[truth][predicted] += 1;
                if predicted != truth {
                    view.wrong += 1;
                }
                if let Some(&index) = indices.get(s0 + s).filter(|_| s0 + s < GRID_DIGITS) {
                    view.grid.push((index, predicted as u8));
                }
            }
            s0 += targets.len();
        }
        view
    }

    /// The share of test images the network gets right, if there are any.
    pub fn accuracy(&self) -> Option<f64> {
        (self.tested > 0).then(|| 1.0 - self.wrong as f64 / self.tested as f64)
    }
}
