//! The experiments kept in this browser, on the page: a warning when the working experiment
//! could not be saved (its reason, and Copy link right there, since the link still holds
//! everything), and, after a bare address restored one, the other recent experiments to
//! restore instead. See [`super::storage`] for where they are kept.
use super::storage::{self, SaveError};
use super::AppState;
use crate::core::recent::{self, Kept};
use leptos::prelude::*;

/// What the page knows about the experiments kept in this browser.
#[derive(Clone, Copy)]
pub struct KeptState {
    /// Why the last save failed; `None` once a save works.
    pub problem: RwSignal<Option<SaveError>>,
    /// The other recent experiments offered after a bare address (none: nothing offered).
    pub others: RwSignal<Vec<Kept>>,
    /// The experiment's hash as the tab opened it from a link or another tab's save; a save
    /// of it unchanged is left to the link ([`storage::save_experiment`]).
    opened: StoredValue<String>,
    /// The key and hash of the last save that worked: saving them again is skipped (a big
    /// experiment's save is 130 KB written and its old entries read).
    saved: StoredValue<Option<(String, String)>>,
}

/// An experiment a bare address brings back, and what to say about it.
pub struct Restored {
    pub hash: String,
    pub note: String,
    /// Whether it is this tab's own latest work (from sessionStorage).
    pub own: bool,
}

impl KeptState {
    pub fn new() -> Self {
        KeptState {
            problem: RwSignal::new(None),
            others: RwSignal::new(Vec::new()),
            opened: StoredValue::new(String::new()),
            saved: StoredValue::new(None),
        }
    }

    /// What a bare address opens: this tab's latest experiment, else the one this browser
    /// saved most recently; `None` when nothing is kept.
    pub fn restore_on_open() -> Option<Restored> {
        let now = storage::now_ms();
        if let Some(hash) = storage::this_tab_working() {
            let note = recent::restored_note(&hash, true, now, now);
            return Some(Restored {
                hash,
                note,
                own: true,
            });
        }
        let newest = recent::recent(storage::kept_experiments())
            .into_iter()
            .next()?;
        let note = recent::restored_note(&newest.hash, false, newest.saved_ms, now);
        Some(Restored {
            hash: newest.hash,
            note,
            own: false,
        })
    }

    /// The tab now shows `hash`, opened from a link or from another tab's save (`own`: its own
    /// latest work). If the tab's kept entry holds another experiment, the tab takes a new
    /// key, so that the entry stays for the user to restore.
    pub fn opened(&self, hash: &str, own: bool) {
        self.opened
            .set_value(if own { String::new() } else { hash.into() });
        if self.just_saved(hash) {
            return; // the tab's entry holds it, from its last save: nothing to read
        }
        self.saved.set_value(None); // whether it is written again now depends on `opened`
        if !own && storage::own_experiment().is_some_and(|k| k.hash != hash) {
            storage::new_tab_id();
        }
    }

    /// The experiment this tab has kept stays as it is: the tab's next saves go under a new
    /// key. For a change that replaces the user's points (an imported file), called before
    /// its save, which would otherwise write over them.
    pub fn keep_apart(&self) {
        if storage::own_experiment().is_some() {
            storage::new_tab_id();
            self.saved.set_value(None);
        }
    }

    /// Whether this tab's key holds `hash` from its last save (nothing to read or write).
    fn just_saved(&self, hash: &str) -> bool {
        self.saved.with_value(|s| {
            s.as_ref()
                .is_some_and(|(key, h)| h == hash && *key == storage::own_key())
        })
    }

    /// Keeps `hash` as this tab's working experiment, and shows or clears the warning.
    pub fn save(&self, hash: &str) {
        if self.just_saved(hash) {
            return; // its warning, if any, went with that save
        }
        let problem = storage::save_experiment(hash, &self.opened.get_value()).err();
        self.saved.set_value(
            problem
                .is_none()
                .then(|| (storage::own_key(), hash.to_string())),
        );
        if self.problem.get_untracked() != problem {
            self.problem.set(problem);
        }
    }

    /// Offers every recent experiment but those of `shown` (the hashes of the one on the
    /// page); nothing when there is none.
    pub fn offer_others(&self, shown: &[&str]) {
        let others: Vec<Kept> = recent::recent(storage::kept_experiments())
            .into_iter()
            .filter(|k| !shown.contains(&k.hash.as_str()))
            .collect();
        self.others.set(others);
    }
}

impl Default for KeptState {
    fn default() -> Self {
        Self::new()
    }
}

/// The warning of a failed save, and the recent experiments offered after a bare address.
#[component]
pub fn KeptNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let kept = state.kept;
    let (link, set_link) = signal(String::new());
    let answer = super::share::Copied::new();
    let on_copy = move |_| {
        let hash = super::url::current_hash(state);
        let link = super::share::link_with_hash(&hash).unwrap_or_default();
        super::share::copy_link(state, link, "link", set_link, answer, "save-failed-link");
    };
    let warning = move || {
        kept.problem.get().map(|p| {
            format!(
                "Not saved in this browser: {}. Your work is still in this page's link: copy the link to keep it.",
                p.reason()
            )
        })
    };
    let restore = move |entry: Kept| {
        let now = storage::now_ms();
        let note = recent::restored_other_note(&entry.hash, entry.saved_ms, now);
        super::url::open_link(state, &entry.hash, Some(note));
        kept.offer_others(&[&super::url::current_hash(state), &entry.hash]);
    };
    view! {
        <Show when=move || kept.problem.with(Option::is_some)>
            <div class="save-failed" role="alert" data-testid="save-failed">
                <span data-testid="save-failed-text">{warning}</span>
                <button class="primary" data-testid="save-failed-copy" on:click=on_copy>
                    <span aria-live="polite">{move || answer.text("Copy link")}</span>
                </button>
                <input
                    type="text"
                    readonly
                    data-testid="save-failed-link"
                    aria-label="The link"
                    hidden=move || link.with(String::is_empty)
                    prop:value=link
                />
            </div>
        </Show>
        <Show when=move || kept.others.with(|o| !o.is_empty())>
            <details class="recent" data-testid="recent-experiments">
                <summary>"Restore another recent experiment"</summary>
                <ul>
                    <For
                        each=move || kept.others.get()
                        key=|k| (k.key.clone(), k.hash.clone())
                        let:entry
                    >
                        <li>
                            <button
                                data-testid="recent-restore"
                                on:click={
                                    let entry = entry.clone();
                                    move |_| restore(entry.clone())
                                }
                            >
                                {entry.describe(storage::now_ms())}
                            </button>
                        </li>
                    </For>
                </ul>
            </details>
        </Show>
    }
}
