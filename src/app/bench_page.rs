//! `?bench`: runs the benchmark in the browser, drawing every frame on real canvases, and
//! prints the figures as JSON in `[data-testid=bench-results]`.
use crate::app::jit::Compiler;
use crate::bench::{run_all, scenarios, to_json};
use crate::core::trainer::Trainer;
use crate::render::canvas::{
    draw_boundary, draw_loss, draw_picture, draw_points_layer, put_rgba, size_backing, PointLayer,
};
use crate::render::frame::{BOUNDARY_RES, NEURON_RES};
use leptos::html::Div;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

/// Enough small canvases for the largest network's hidden neurons.
const NEURON_CANVASES: usize = 48;

/// The benchmark page.
#[component]
pub fn BenchPage() -> impl IntoView {
    let (result, set_result) = signal(String::from("running…"));
    let host = NodeRef::<Div>::new();
    // The scenarios' kernels, compiled before the benchmark starts (none with `?nojit`).
    let search = window().location().search().unwrap_or_default();
    let kernels = Compiler::new(&search);
    Effect::new(move |_| {
        let Some(host) = host.get() else { return };
        for s in scenarios() {
            kernels.supply(&mut Trainer::new(s.config));
        }
        when_compiled(kernels, KERNEL_WAITS, move || {
            let text = match run(&host, kernels) {
                Ok(json) => json,
                Err(e) => format!("{{\"error\":\"{e:?}\"}}"),
            };
            set_result.set(text);
        });
    });
    view! {
        <div class="bench">
            <h1>"Benchmark"</h1>
            <pre data-testid="bench-results">{move || result.get()}</pre>
            <div node_ref=host class="bench-canvases"></div>
        </div>
    }
}

/// How many times (50 ms apart) the benchmark waits for the compiled kernels.
const KERNEL_WAITS: u32 = 100;

/// Calls `then` once `kernels` has none being compiled (or after `waits` more waits).
fn when_compiled(kernels: Compiler, waits: u32, then: impl FnOnce() + 'static) {
    set_timeout(
        move || {
            if kernels.pending() > 0 && waits > 0 {
                when_compiled(kernels, waits - 1, then);
            } else {
                then();
            }
        },
        Duration::from_millis(50),
    );
}

fn canvas(host: &web_sys::HtmlDivElement, class: &str) -> Result<HtmlCanvasElement, JsValue> {
    let c = crate::render::canvas::new_canvas(300, 150)?;
    c.set_class_name(class);
    host.append_child(&c)?;
    Ok(c)
}

fn run(host: &web_sys::HtmlDivElement, kernels: Compiler) -> Result<String, JsValue> {
    // The plot's layers, as the page stacks them (see app/plot/layers.rs).
    let heat = canvas(host, "bench-plot")?;
    let marks = canvas(host, "bench-plot")?;
    let points = canvas(host, "bench-plot")?;
    let loss = canvas(host, "loss-chart")?;
    for c in [&marks, &points] {
        size_backing(c, (500.0, 500.0));
    }
    size_backing(&loss, (320.0, 180.0));
    let neurons = (0..NEURON_CANVASES)
        .map(|_| canvas(host, "neuron"))
        .collect::<Result<Vec<_>, _>>()?;
    let digit_views = (0..3)
        .map(|_| canvas(host, "digit-view"))
        .collect::<Result<Vec<_>, _>>()?;
    let performance = window().performance().ok_or("no performance clock")?;
    let mut now = move || performance.now();
    let mut failure: Option<JsValue> = None;
    let mut points_drawn = false;
    let mut draw = |frame: &crate::render::frame::Frame, snap: &crate::core::snapshot::Snapshot| {
        let mut result = match &frame.digits {
            // Digits mode's views, as its page draws them.
            Some(d) => draw_picture(&digit_views[0], &d.grid.0, &d.grid.1, 10.0)
                .and_then(|_| draw_picture(&digit_views[1], &d.confusion.0, &d.confusion.1, 10.0))
                .and_then(|_| draw_picture(&digit_views[2], &d.weights, &[], 10.0)),
            None => put_rgba(&heat, &frame.boundary, BOUNDARY_RES)
                .and_then(|_| draw_boundary(&marks, &frame.boundary_paths)),
        };
        // The page redraws the points only when they change: here, once.
        if !points_drawn {
            let layer = PointLayer {
                points: &snap.points,
                test_mask: &snap.test_mask,
                show_test: true,
                problem: snap.problem,
                domain: snap.domain,
                lecture: false,
            };
            result = result.and_then(|_| draw_points_layer(&points, &layer));
            points_drawn = true;
        }
        for (px, c) in frame.neurons.iter().zip(&neurons) {
            result = result.and_then(|_| put_rgba(c, px, NEURON_RES));
        }
        result = result
            .and_then(|_| draw_loss(&loss, &snap.history, snap.best_epoch, Default::default()));
        if let Err(e) = result {
            failure.get_or_insert(e);
        }
    };
    let results = run_all(3000.0, 200, &mut now, &mut draw, &mut |t| kernels.supply(t));
    match failure {
        Some(e) => Err(e),
        None => Ok(to_json("wasm32", &results)),
    }
}
