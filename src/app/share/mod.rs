//! Sharing the experiment: Copy link, Share with weights, the QR code, and import/export of
//! points, the model and the plot.
mod browser;
mod copied;
mod files;
mod qr_view;

pub use browser::{download_png, link_with_hash};
pub use copied::Copied;
pub use files::ImportExport;

use super::lecture::pointer;
use super::AppState;
use crate::core::config::ExperimentConfig;
use crate::core::lesson::link::join_hash;
use crate::core::text::plural;
use leptos::prelude::*;

/// Links longer than this may be cut by chat apps and some browsers.
const LONG_LINK: usize = 2000;

/// Copies `link` to the clipboard and says so, at the button (`answer`) and in the status
/// line; if the browser refuses, shows it in the read-only field `field` (a `data-testid`,
/// which shows `shown`), selected, for the user to copy by hand.
pub fn copy_link(
    state: AppState,
    link: String,
    what: &'static str,
    shown: WriteSignal<String>,
    answer: Copied,
    field: &'static str,
) {
    shown.set(link.clone());
    let len = link.len();
    let long = if len > LONG_LINK {
        format!(" It is very long ({len} characters): some apps may cut it.")
    } else {
        String::new()
    };
    let by_hand = pointer().copy_by_hand();
    let fallback = move || {
        let _ = browser::select_field(field);
        format!(
            "Could not use the clipboard: the {what} is selected in the field below, {by_hand}."
        )
    };
    let long_clone = long.clone();
    let result = browser::copy_text(&link, move |ok| {
        answer.show(ok);
        let message = if ok {
            format!("Copied the {what} ({len} characters).{long_clone}")
        } else {
            fallback()
        };
        state.say(message);
    });
    if result.is_err() {
        answer.show(false);
        let _ = browser::select_field(field);
        state.say(format!("This browser has no clipboard access: the {what} is selected in the field below, {by_hand}.{long}"));
    }
}

/// A link with weights as "Share with weights" made it: `id` counts the shares, `hash` is the
/// plain link's hash then, and `qr` the short form for the QR code.
#[derive(Clone, Debug, PartialEq)]
struct Shared {
    id: u64,
    hash: String,
    qr: String,
}

/// The QR code's link with weights while the settings are still those it was `made` with
/// (the plain link's hash is `plain_hash`'s). Once they change it is gone for good: changing
/// them back does not bring back weights trained before. A memo that folds over its own last
/// value: `(share id, link while alive)`.
fn while_unchanged(
    made: ReadSignal<Option<Shared>>,
    plain_hash: Memo<String>,
) -> Memo<(u64, Option<String>)> {
    Memo::new(move |prev: Option<&(u64, Option<String>)>| {
        made.with(|m| match m {
            None => (0, None),
            Some(m) => {
                let gone = prev.is_some_and(|(id, link)| *id == m.id && link.is_none());
                let same = plain_hash.with(|h| *h == m.hash);
                (m.id, (same && !gone).then(|| m.qr.clone()))
            }
        })
    })
}

/// What the settings-only QR code leaves out: the user's `points` (their number) and the
/// shared `weights`; empty when nothing.
fn dropped_text(points: Option<usize>, weights: bool) -> String {
    let points = points.map(|n| format!("your {}", plural(n, "point")));
    match (points, weights) {
        (Some(p), true) => format!("{p} and the trained weights"),
        (Some(p), false) => p,
        (None, true) => "the trained weights".into(),
        (None, false) => String::new(),
    }
}

/// Copy link, Share with weights, the link field and the QR code.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let plain_hash = state.hash; // formatted once per change, for the page's link too
    let (shown, set_shown) = signal(String::new());
    // The link with weights and the plain link's hash when it was made.
    let (made, set_made) = signal(None::<Shared>);
    let weights_link = while_unchanged(made, plain_hash);
    let weights_link = Memo::new(move |_| weights_link.with(|(_, link)| link.clone()));
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
    // Memos: the QR view reads them several times a change, and a link with points made on a
    // generated set makes that set again to write their difference.
    let qr_link = Memo::new(move |_| weights_link.get().unwrap_or_else(short_link));
    // The settings-only QR code: no points, no weights.
    let settings_link = Memo::new(move |_| {
        let hash = state.lesson.with(|l| {
            state.config.with(|c| {
                let settings = ExperimentConfig {
                    points: None,
                    params: None,
                    ..c.clone()
                };
                join_hash(&settings.to_short_hash(), l.as_ref())
            })
        });
        browser::link_with_hash(&hash).unwrap_or_default()
    });
    let dropped = Signal::derive(move || {
        let points = state.config.with(|c| c.points.as_ref().map(Vec::len));
        let weights =
            weights_link.with(Option::is_some) || state.config.with(|c| c.params.is_some());
        dropped_text(points, weights)
    });
    let (copy_answer, weights_answer) = (Copied::new(), Copied::new());
    let on_copy = move |_| {
        super::url::write_now(state);
        copy_link(
            state,
            plain_link(),
            "link",
            set_shown,
            copy_answer,
            "link-field",
        );
    };
    let on_weights = move |_| {
        let (hash, short) = state
            .trainer
            .with_value(|t| (t.share_hash(), t.share_short_hash()));
        let (Ok(link), Ok(qr)) = (
            browser::link_with_hash(&hash),
            browser::link_with_hash(&short),
        ) else {
            return;
        };
        set_made.update(|m| {
            let id = m.as_ref().map_or(1, |m| m.id + 1);
            let hash = plain_hash.get_untracked();
            *m = Some(Shared { id, hash, qr });
        });
        copy_link(
            state,
            link,
            "link with the trained weights",
            set_shown,
            weights_answer,
            "link-field",
        );
    };
    view! {
        <h2>"Share"</h2>
        <div class="share-buttons">
            <button class="primary" data-testid="copy-link" on:click=on_copy>
                <span aria-live="polite">{move || copy_answer.text("Copy link")}</span>
            </button>
            <button
                data-testid="share-weights"
                on:click=on_weights
                title="The link also holds the trained weights, so it opens the trained network"
            >
                <span aria-live="polite">{move || weights_answer.text("Share with weights")}</span>
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
        <qr_view::QrView link=qr_link settings_link dropped />
    }
}
