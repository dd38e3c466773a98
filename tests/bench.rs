//! The native half of the benchmark (the WASM half runs the same code in Chromium: `.ci/bench`).
//! Ignored by `cargo test`; run it with
//! `cargo test --release --test bench -- --ignored --nocapture`.
//! It prints figures and asserts nothing about time.
use nn_playground::bench::{run_all, to_json};
use nn_playground::render::loss_chart::draw_loss_chart;
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use std::time::Instant;

#[test]
#[ignore = "benchmark: run with --ignored --nocapture"]
fn benchmark() {
    let start = Instant::now();
    let mut now = move || start.elapsed().as_secs_f64() * 1000.0;
    // Natively the "drawing" is the loss chart into an SVG string (there is no canvas).
    let mut svg = String::new();
    let mut draw = |_: &nn_playground::render::frame::Frame,
                    snap: &nn_playground::core::snapshot::Snapshot| {
        svg.clear();
        let area = SVGBackend::with_string(&mut svg, (320, 180)).into_drawing_area();
        draw_loss_chart(&area, &snap.history, snap.best_epoch).expect("loss chart");
    };
    // Natively there are no compiled kernels: nothing to hand the trainers.
    let results = run_all(3000.0, 200, &mut now, &mut draw, &mut |_| {});
    println!(
        "{:<8} {:>12} {:>14} {:>10} {:>12}",
        "config", "train pts", "epochs/s", "frame ms", "compute ms"
    );
    for m in &results {
        println!(
            "{:<8} {:>12} {:>14.0} {:>10.3} {:>12.3}",
            m.name, m.train_points, m.epochs_per_s, m.frame_ms, m.compute_ms
        );
    }
    println!("{}", to_json("native", &results));
}
