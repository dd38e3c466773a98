//! Leptos components, one per file. They own the signals, read snapshots and call the trainer;
//! they contain no maths.
mod bench_page;
mod controls;
mod diagram;
mod fields;
mod hidden_space;
mod lessons;
mod loss_panel;
mod neurons;
mod panic;
mod plot;
mod readouts;
mod run_loop;
mod share;
mod state;
mod url;

use leptos::prelude::*;
pub use state::{AppState, Brush};

/// Installs the panic hook and mounts the app (or, with `?bench` in the URL, the benchmark).
pub fn start() {
    panic::install();
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if search.contains("bench") {
        leptos::mount::mount_to_body(bench_page::BenchPage);
    } else {
        leptos::mount::mount_to_body(App);
    }
}

/// The playground: transport and readouts on top, lesson and data / plot / model in three
/// columns.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_location();
    provide_context(state);
    run_loop::start(state);
    url::sync(state);
    let is_mlp = move || {
        state
            .config
            .with(|c| c.model == crate::core::config::Model::Mlp)
    };
    view! {
        <div class="app">
            <header class="topbar">
                <h1 class="title">"Neural Network Playground"</h1>
                <controls::Transport/>
                <readouts::Readouts/>
            </header>
            <main class="columns">
                <div class="side-column">
                    <lessons::LessonPanel/>
                    <section class="panel data-panel" aria-label="Data">
                        <controls::DataPanel/>
                    </section>
                    <section class="panel share-panel" aria-label="Share">
                        <share::SharePanel/>
                        <share::ImportExport/>
                    </section>
                </div>
                <section class="panel plot-panel" aria-label="Plot">
                    <plot::Brushes/>
                    <plot::Plot/>
                    <neurons::NeuronsPanel/>
                    <Show when=is_mlp>
                        <diagram::DiagramPanel/>
                        <hidden_space::HiddenSpacePanel/>
                    </Show>
                </section>
                <section class="panel model-panel" aria-label="Model">
                    <controls::ModelChoice/>
                    <Show
                        when=is_mlp
                        fallback=|| {
                            view! {
                                <controls::PerceptronPanel/>
                                <controls::GatesPanel/>
                            }
                        }
                    >
                        <controls::NetworkPanel/>
                        <controls::TrainingPanel/>
                    </Show>
                    <loss_panel::LossPanel/>
                    <Show when=is_mlp>
                        <loss_panel::GradientPanel/>
                    </Show>
                </section>
            </main>
            <Show when=move || !is_mlp()>
                <section class="panel xor-panel" aria-label="Build XOR">
                    <controls::XorBuilder/>
                </section>
            </Show>
            <footer class="status" data-testid="status" role="status" aria-live="polite">
                {move || state.status.get()}
            </footer>
        </div>
    }
}
