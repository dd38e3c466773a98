//! Sharing the experiment: Copy link, Share with weights, the QR code, and import/export of
//! points, the model and the plot.
mod browser;
mod files;
mod qr_view;

pub use browser::download_png;
pub use files::ImportExport;

use super::AppState;
use crate::core::lesson::link::join_hash;
use leptos::prelude::*;

/// Links longer than this may be cut by chat apps and some browsers.
const LONG_LINK: usize = 2000;

/// Copies `link` to the clipboard and says so; if the browser refuses, shows it in the
/// read-only field, selected, for the user to copy by hand.
fn copy_link(state: AppState, link: String, what: &'static str, shown: WriteSignal<String>) {
    shown.set(link.clone());
    let len = link.len();
    let long = if len > LONG_LINK {
        format!(" It is very long ({len} characters): some apps may cut it.")
    } else {
        String::new()
    };
    let fallback = move || {
        let _ = browser::select_field("link-field");
        format!("Could not use the clipboard: the {what} is selected in the field below, press Ctrl+C (⌘C) to copy it.")
    };
    let long_clone = long.clone();
    let result = browser::copy_text(&link, move |ok| {
        let message = if ok {
            format!("Copied the {what} ({len} characters).{long_clone}")
        } else {
            fallback()
        };
        state.say(message);
    });
    if result.is_err() {
        let _ = browser::select_field("link-field");
        state.say(format!("This browser has no clipboard access: the {what} is selected in the field below, press Ctrl+C (⌘C) to copy it.{long}"));
    }
}

/// The link with weights while the settings are still those it was `made` with (its plain
/// hash is `plain_hash`'s): the QR code shows it until the settings change.
fn while_unchanged(
    made: ReadSignal<Option<(String, String)>>,
    plain_hash: Memo<String>,
) -> Memo<Option<String>> {
    Memo::new(move |_| {
        made.with(|m| match m {
            Some((hash, link)) if plain_hash.with(|h| h == hash) => Some(link.clone()),
            _ => None,
        })
    })
}

/// Copy link, Share with weights, the link field and the QR code.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let plain_hash = Memo::new(move |_| {
        state
            .lesson
            .with(|l| state.config.with(|c| join_hash(&c.to_hash(), l.as_ref())))
    });
    let (shown, set_shown) = signal(String::new());
    // The link with weights and the plain link's hash when it was made.
    let (made, set_made) = signal(None::<(String, String)>);
    let weights_link = while_unchanged(made, plain_hash);
    let plain_link = move || browser::link_with_hash(&plain_hash.get()).unwrap_or_default();
    // The QR code holds the short form (what differs from the defaults): fewer, larger modules.
    let short_link = move || {
        let hash = state.lesson.with(|l| {
            state
                .config
                .with(|c| join_hash(&c.to_short_hash(), l.as_ref()))
        });
        browser::link_with_hash(&hash).unwrap_or_default()
    };
    let qr_link = Signal::derive(move || weights_link.get().unwrap_or_else(short_link));
    let on_copy = move |_| {
        super::url::write_now(state);
        copy_link(state, plain_link(), "link", set_shown);
    };
    let on_weights = move |_| {
        let hash = state.trainer.with_value(|t| t.share_hash());
        let Ok(link) = browser::link_with_hash(&hash) else {
            return;
        };
        set_made.set(Some((plain_hash.get_untracked(), link.clone())));
        copy_link(state, link, "link with the trained weights", set_shown);
    };
    view! {
        <h2>"Share"</h2>
        <div class="share-buttons">
            <button class="primary" data-testid="copy-link" on:click=on_copy>
                "Copy link"
            </button>
            <button
                data-testid="share-weights"
                on:click=on_weights
                title="The link also holds the trained weights, so it opens the trained network"
            >
                "Share with weights"
            </button>
        </div>
        <label class="field" hidden=move || shown.with(String::is_empty)>
            <span class="field-label">"Link"</span>
            <input
                type="text"
                readonly
                data-testid="link-field"
                prop:value=shown
                on:focus=move |_| {
                    let _ = browser::select_field("link-field");
                }
            />
        </label>
        <qr_view::QrView
            link=qr_link
            has_weights=Signal::derive(move || weights_link.with(Option::is_some))
            on_without_weights=Callback::new(move |_| {
                set_made.set(None);
                state.say("The QR code shows the link without weights.");
            })
        />
    }
}
