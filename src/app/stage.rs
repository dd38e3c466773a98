//! The presenter layout (lecture mode, and full screen): the plot as large as the screen
//! allows, and beside it the readouts, the loss chart and one more view the presenter picks;
//! the controls wait in a drawer (style/stage.css places them).
use super::lecture::PageView;
use super::storage::{self, STAGE_VIEW_KEY};
use super::{lessons, loss_panel, readouts, AppState};
use leptos::prelude::*;

mod arithmetic;
mod export;
mod pick;
mod sheet;
pub use pick::{stage_view, StageView};

/// The presenter's pick kept in this browser, if any.
pub fn load_pick() -> Option<StageView> {
    storage::load(STAGE_VIEW_KEY).and_then(|name| StageView::from_name(&name))
}

/// Whether the page shows the presenter layout: lecture mode or full screen.
pub fn is_stage(state: AppState, page: PageView) -> bool {
    state.config.with(|c| c.lecture) || page.maximised.get()
}

/// The charts: the readouts (in the presenter layout; the top bar has them otherwise), the
/// loss, the gradient chart, and the presenter's view picker.
#[component]
pub fn Charts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    let stage = Memo::new(move |_| is_stage(state, page));
    let is_mlp = move || state.config.with(|c| c.model.uses_network());
    let worked = move || stage.get() && state.config.with(|c| StageView::Arithmetic.shown_for(c));
    view! {
        <section class="panel charts-panel" aria-label="Charts">
            <Show when=move || stage.get()>
                <lessons::LessonStrip />
                <readouts::Readouts />
            </Show>
            <loss_panel::LossPanel />
            <Show when=is_mlp>
                <loss_panel::GradientPanel />
            </Show>
            // The perceptron's and Adaline's view beside the plot (the drawer has their panel).
            <Show when=worked>
                <arithmetic::ArithmeticPanel />
            </Show>
            <Show when=move || stage.get()>
                <div class="stage-picker-row">
                    <StagePicker />
                    <ExportButton />
                </div>
            </Show>
        </section>
    }
}

/// The picker of the view beside the plot; only the views the model has.
#[component]
fn StagePicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    let views = Memo::new(move |_| state.config.with(pick::views_for));
    let shown = Memo::new(move |_| {
        let pick = page.pick.get();
        state.config.with(|c| stage_view(pick, c))
    });
    let choose = move |name: String| {
        if let Some(v) = StageView::from_name(&name) {
            page.pick.set(Some(v));
            if let Err(e) = storage::save(STAGE_VIEW_KEY, v.name()) {
                state.say(format!(
                    "Could not keep the view's choice in this browser: {e:?}"
                ));
            }
        }
    };
    view! {
        <Show when=move || shown.get().is_some()>
            <label class="stage-picker">
                <span class="stage-picker-label">"Beside the plot:"</span>
                <select
                    data-testid="stage-view"
                    on:change=move |ev| choose(event_target_value(&ev))
                >
                    {move || {
                        views
                            .get()
                            .into_iter()
                            .map(|v| {
                                view! {
                                    <option
                                        value=v.name()
                                        selected=move || shown.get() == Some(v)
                                        prop:selected=move || shown.get() == Some(v)
                                    >
                                        {v.label()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        </Show>
    }
}

/// The button that opens and closes the controls' drawer (lecture mode only; C does too).
#[component]
pub fn DrawerToggle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    view! {
        <Show when=move || state.config.with(|c| c.lecture)>
            <button
                class="drawer-toggle"
                data-testid="drawer-toggle"
                aria-expanded=move || page.drawer_open.get().to_string()
                aria-controls="controls-drawer"
                title=page.pointer.with_key("Show or hide the controls", "C")
                on:click=move |_| page.drawer_open.update(|o| *o = !*o)
            >
                {move || if page.drawer_open.get() { "✕ Controls" } else { "☰ Controls" }}
            </button>
        </Show>
    }
}

/// "Export the presenter view (PNG)": the plot, the readouts, the loss chart and the picked view
/// in one 1920×1080 picture, `presenter.png`.
#[component]
fn ExportButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    let export = move |_| {
        let view = state
            .config
            .with_untracked(|c| stage_view(page.pick.get_untracked(), c));
        let saved = export::presenter_picture(state, view, page.dark.get_untracked())
            .and_then(|pic| super::share::download_png(&pic, "presenter.png"));
        if let Err(e) = saved {
            state.say(format!("Could not export the presenter view: {e:?}"));
        }
    };
    view! {
        <button
            data-testid="export-presenter"
            title="Export the presenter view (PNG)"
            aria-label="Export the presenter view (PNG)"
            on:click=export
        >
            "⤓ PNG"
        </button>
    }
}
