//! The work's bar: what is going on, how far it got, and Cancel.
use crate::app::AppState;
use leptos::prelude::*;

/// The bar and Cancel, while work shows.
#[component]
pub fn WorkProgress() -> impl IntoView {
    let state = expect_context::<AppState>();
    let work = state.work;
    let shown = Memo::new(move |_| work.progress.with(Option::is_some));
    let label = Memo::new(move |_| {
        work.progress
            .with(|p| p.as_ref().map(|p| p.label.clone()).unwrap_or_default())
    });
    let value = Memo::new(move |_| work.progress.with(|p| p.as_ref().map_or(0, |p| p.permille)));
    let cancellable = Memo::new(move |_| {
        work.progress
            .with(|p| p.as_ref().is_some_and(|p| p.cancellable))
    });
    view! {
        <Show when=move || shown.get()>
            <div class="work" data-testid="work" role="status">
                <progress
                    data-testid="work-progress"
                    max="1000"
                    value=move || value.get()
                    aria-label=move || label.get()
                >
                    {move || label.get()}
                </progress>
                <span data-testid="work-label">{move || label.get()}</span>
                <Show when=move || cancellable.get()>
                    <button
                        data-testid="work-cancel"
                        on:click=move |_| {
                            work.cancel(state);
                        }
                    >
                        "Cancel"
                    </button>
                </Show>
            </div>
        </Show>
    }
}
