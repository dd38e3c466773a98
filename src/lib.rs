//! A neural-network playground for teaching.
//!
//! - [`core`] is pure Rust (engine, data sets, config, trainer), tested natively.
//! - [`render`] turns a trainer snapshot into pixels; one module touches the canvas.
//! - [`app`] holds the Leptos components.
//! - [`bench`] is the benchmark shared by the native run and the WASM run.
pub mod app;
pub mod bench;
pub mod core;
pub mod render;
