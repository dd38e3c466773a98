//! Snapshot → pixels. Everything here is pure and tested natively, except [`canvas`], the one
//! module that touches the browser's canvas.
pub mod canvas;
pub mod chart_style;
pub mod colors;
pub mod contour;
pub mod curve;
pub mod diagram;
pub mod digits;
pub mod frame;
pub mod geometry;
pub mod grad_chart;
pub mod heatmap;
pub mod lift;
pub mod line_surface;
pub mod loss_chart;
pub mod plot_style;
pub mod scatter;
