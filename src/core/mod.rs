//! Pure Rust: the engine, the data sets, the experiment config and the trainer.
//!
//! Nothing in here names a browser or UI crate;
//! `tests/core_is_pure.rs` fails if a file does.
pub mod activation;
pub mod activation_curve;
pub mod adaline;
pub mod backprop;
pub mod base64;
pub mod caption;
pub mod class_ce;
pub mod config;
pub mod cross_entropy;
pub mod csv;
pub mod curve;
pub mod dataset;
pub mod digits;
pub mod domain;
pub mod equation;
pub mod fastmath;
pub mod features;
#[cfg(test)]
pub mod fuzz;
pub mod gates;
pub mod grad_history;
pub mod gradients;
pub mod help;
pub mod hidden_space;
pub mod history;
#[cfg(feature = "jit")]
pub mod jit;
pub mod json;
pub mod legend;
pub mod lesson;
pub mod lift;
pub mod line_fit;
pub mod loss;
pub mod mlp;
pub mod model_json;
pub mod number_text;
pub mod optimizer;
pub mod perceptron;
pub mod plot_probe;
pub mod pointer;
pub mod qr;
pub mod real;
pub mod recent;
pub mod regularization;
pub mod rng;
pub mod snapshot;
pub mod split_note;
pub mod status;
pub mod text;
pub mod trainer;
pub mod undo;
