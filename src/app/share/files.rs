//! Import and export: points as CSV, the trained model as JSON, the plot as PNG. A file that
//! cannot be read is refused with the reader's message and nothing changes.
use super::browser;
use crate::app::AppState;
use crate::core::config::limits;
use crate::core::config::Model;
use crate::core::csv::{points_from_csv_in, points_to_csv, Columns};
use crate::core::model_json::ModelFile;
use crate::core::text::{plural, refuse_larger};
use crate::core::trainer::PointEdit;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

/// Says `what` failed in the browser, if it did.
fn report(state: AppState, what: &str, result: Result<(), wasm_bindgen::JsValue>) {
    if let Err(e) = result {
        let detail = e.as_string().unwrap_or_else(|| format!("{e:?}"));
        state.say(format!("Could not {what}: {detail}."));
    }
}

/// Replaces the points with a CSV file's (or pasted text's), or refuses it with the line at
/// fault. Returns whether the points were imported.
fn import_csv(state: AppState, text: Result<String, String>) -> bool {
    let (problem, domain, xy) = state
        .config
        .with_untracked(|c| (c.problem, c.domain(), c.model.fits_xy()));
    let columns = if xy {
        Columns::XyOrLabelled
    } else {
        Columns::Labelled
    };
    match text.and_then(|t| points_from_csv_in(&t, problem, domain, columns)) {
        Err(e) => {
            state.say(format!("CSV not imported: {e}. Your points are unchanged."));
            false
        }
        Ok(points) => {
            let n = points.len();
            let own = state
                .config
                .with_untracked(|c| c.points.clone())
                .filter(|p| !p.is_empty());
            if let Some(old) = &own {
                // The drawing stays kept in this browser too (the import's save, a task later,
                // goes under a new key), and aside for "Back to my points".
                state.kept.keep_apart();
                state.keep_aside(old.clone());
            }
            state.edit_points(PointEdit::Replace(points));
            state.say(match own {
                Some(_) => format!("Imported {} from the CSV. Your previous points are kept: press \"Back to my points\" (under Data) to bring them back.", plural(n, "point")),
                None => format!("Imported {} from the CSV.", plural(n, "point")),
            });
            true
        }
    }
}

/// A box to paste CSV text into and its Import button: the file's reader and messages; the
/// box empties once its points are in.
#[component]
fn PasteCsv() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (pasted, set_pasted) = signal(String::new());
    let xy = Memo::new(move |_| state.config.with(|c| c.model.fits_xy()));
    let import = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            let lines = if xy.get_untracked() {
                "x,y"
            } else {
                "x1,x2,label"
            };
            state.say(format!(
                "Paste CSV lines into the box first: {lines}, one point a line."
            ));
        } else if import_csv(state, Ok(text)) {
            set_pasted.set(String::new());
        }
    };
    view! {
        <label class="field csv-paste">
            <span class="field-label">"Paste points (CSV)"</span>
            <textarea
                data-testid="csv-paste"
                rows="4"
                spellcheck="false"
                placeholder=move || {
                    if xy.get() { "x,y\n1.5,-2\n-3,0.5" } else { "x1,x2,label\n1.5,-2,0\n-3,0.5,1" }
                }
                prop:value=pasted
                on:input=move |ev| set_pasted.set(event_target_value(&ev))
            ></textarea>
        </label>
        <button data-testid="csv-paste-import" on:click=import>
            "Import pasted points"
        </button>
    }
}

/// Loads a model file's network and weights, or refuses it with the reader's message.
fn import_model(state: AppState, text: Result<String, String>) {
    let config = state.config.get_untracked();
    let model = text.and_then(|t| ModelFile::from_json(&t));
    match model.and_then(|m| {
        m.apply_to(&config)
            .map(|new| (m.changes(&config, &new), new))
    }) {
        Err(e) => state.say(format!("Model not imported: {e}. Nothing was changed.")),
        Ok((changes, new)) => {
            state.playing.set(false);
            state.apply(new);
            state.say(format!(
                "Loaded the model: its inputs, layers and weights are in use; press Play to train on from them. {}",
                changes.join(" ")
            ).trim_end().to_string());
        }
    }
}

/// The chosen file of an `<input type=file>` event, passed to `then` as text: refused at once
/// if it is larger than `limit` bytes (nothing is read), else read in the background as long
/// work, with the bar and Cancel (see [`crate::app::work`]).
fn on_file<R: 'static>(
    state: AppState,
    ev: leptos::ev::Event,
    limit: usize,
    then: fn(AppState, Result<String, String>) -> R,
) {
    let Some(input) = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(t).ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|list| list.get(0)) else {
        return;
    };
    input.set_value(""); // the same file can be chosen again
    if let Err(e) = refuse_larger(file.size(), limit) {
        then(state, Err(e));
        return;
    }
    state.work.start_read(state, &file, move |text| {
        then(state, text);
    });
}

/// Why each file does not apply in digits mode (its tooltip there, where it is disabled).
const DIGITS_NO_PLOT: &str = "Digits mode has no plot: its views are pictures of digits";
const DIGITS_NO_POINTS: &str =
    "Digits mode trains on the built-in 8×8 images: there are no points to export or import";
const DIGITS_NO_MODEL: &str = "A model file holds a network on the plot's input features, not on 64 pixels: share the link with weights instead";

/// Export and import buttons. In digits mode only the links apply: the others are disabled,
/// each with its reason as its tooltip.
#[component]
pub fn ImportExport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let digits = Memo::new(move |_| state.config.with(|c| c.model == Model::Digits));
    let off = move || digits.get();
    let why = move |reason: &'static str| move || digits.get().then_some(reason);
    let export_csv = move |_| {
        let csv = state.trainer.with_value(|t| points_to_csv(t.points()));
        report(
            state,
            "export the points",
            browser::download_text(&csv, "text/csv", "points.csv"),
        );
    };
    let export_model = move |_| {
        if state.config.with_untracked(|c| c.model != Model::Mlp) {
            state.say("Model JSON holds a neural network: choose Model → Neural network first.");
            return;
        }
        let json = state.trainer.with_value(|t| t.model_json());
        report(
            state,
            "export the model",
            browser::download_text(&json, "application/json", "model.json"),
        );
    };
    let export_png = move |_| {
        report(state, "export the plot", export_plot(state));
    };
    view! {
        <h2>"Import and export"</h2>
        <Show when=off>
            <p class="hint" data-testid="digits-files-note">
                "Digits mode: no points and no plot, so only the links apply. Share with weights passes on a trained network."
            </p>
        </Show>
        <div class="file-buttons">
            <button
                data-testid="export-png"
                on:click=export_png
                disabled=off
                title=why(DIGITS_NO_PLOT)
            >
                "Plot as PNG"
            </button>
            <button
                data-testid="export-csv"
                on:click=export_csv
                disabled=off
                title=why(DIGITS_NO_POINTS)
            >
                "Points as CSV"
            </button>
            <label class="file-button" class:disabled=off title=why(DIGITS_NO_POINTS)>
                "Import points (CSV)…"
                <input
                    type="file"
                    accept=".csv,text/csv,text/plain"
                    data-testid="import-csv"
                    disabled=off
                    on:change=move |ev| on_file(state, ev, limits::MAX_CSV_BYTES, import_csv)
                />
            </label>
        </div>
        <Show when=move || !off()>
            <PasteCsv />
        </Show>
        <div class="file-buttons">
            <button
                data-testid="export-model"
                on:click=export_model
                disabled=off
                title=why(DIGITS_NO_MODEL)
            >
                "Model as JSON"
            </button>
            <label class="file-button" class:disabled=off title=why(DIGITS_NO_MODEL)>
                "Import model (JSON)…"
                <input
                    type="file"
                    accept=".json,application/json"
                    data-testid="import-model"
                    disabled=off
                    on:change=move |ev| on_file(state, ev, limits::MAX_JSON_BYTES, import_model)
                />
            </label>
        </div>
    }
}

/// Saves the plot as a PNG picture at the plot's size on the page (or 800 × 800 pixels where
/// it has none), drawn afresh from the network as it is now, with its axes, tick labels and a
/// caption under it (which the status line repeats).
fn export_plot(state: AppState) -> Result<(), wasm_bindgen::JsValue> {
    let (width, height) = browser::canvas_size("data-canvas").unwrap_or((800, 800));
    let (picture, caption) = crate::app::plot::captioned_picture(state, width, height)?;
    browser::download_png(&picture, "plot.png")?;
    state.say(format!("Saved plot.png: {}", caption.join(" · ")));
    Ok(())
}
