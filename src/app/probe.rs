//! An automation hook for the end-to-end tests, on `window.wasmBindings` (where trunk puts the
//! module's exports): what the model itself predicts, read from the trainer rather than from
//! any canvas, so a test can check that what is drawn is the network's truth.
//! `probe_points` gives the points and their split, to compare two pages; `probe_lines` the
//! exact weights of the lines drawn in perceptron and Adaline mode.
use super::AppState;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static STATE: Cell<Option<AppState>> = const { Cell::new(None) };
}

/// Lets the hook read `state` (called once, when the app mounts).
pub fn install(state: AppState) {
    STATE.with(|s| s.set(Some(state)));
}

/// The model's output at (x1, x2), in the data's units: class probabilities (one unit: the
/// score of class 1 in [0, 1]) or the fitted value (see `Trainer::predict`). Empty before the
/// app has mounted.
#[wasm_bindgen]
pub fn probe_predict(x1: f64, x2: f64) -> Vec<f64> {
    STATE
        .with(Cell::get)
        .and_then(|state| state.trainer.try_update_value(|t| t.predict(x1, x2)))
        .unwrap_or_default()
}

/// The points in use, in order, flattened: x₁, x₂, label, and 1 for a test point (0 for a
/// training point), so a test can check that two pages hold the same data and split. Empty
/// before the app has mounted.
#[wasm_bindgen]
pub fn probe_points() -> Vec<f64> {
    STATE
        .with(Cell::get)
        .and_then(|state| {
            state.trainer.try_with_value(|t| {
                let mask = t.config().test_mask(t.points());
                t.points()
                    .iter()
                    .zip(mask)
                    .flat_map(|(p, test)| [p.x1, p.x2, p.label, f64::from(u8::from(test))])
                    .collect()
            })
        })
        .unwrap_or_default()
}

/// The lines the plot draws from the published snapshot, `[w₁, w₂, b]` each, flattened: the
/// perceptron's in perceptron mode; Adaline's, then the perceptron's beside it, in Adaline
/// mode (the readouts round them). Empty in the other modes or before the app has mounted.
#[wasm_bindgen]
pub fn probe_lines() -> Vec<f64> {
    use crate::core::snapshot::ModelView;
    STATE
        .with(Cell::get)
        .map(|state| {
            state.snapshot.with_untracked(|s| match &s.model {
                ModelView::Perceptron(p) => p.weights.to_vec(),
                ModelView::Adaline(a) => [a.weights, a.perceptron.weights].concat(),
                _ => Vec::new(),
            })
        })
        .unwrap_or_default()
}
