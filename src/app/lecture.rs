//! How the page looks: lecture mode (large type, high contrast, in the link as
//! `lecture=true`), the dark or light theme (this browser's choice, or the system's), the
//! hidden explanatory text (`hideText`), and the keyboard shortcuts' help.
use super::stage::{stage_view, StageView};
use super::storage::{self, THEME_KEY};
use super::AppState;
use crate::core::pointer::Pointer;
use crate::render::chart_style::Theme;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// The page's view state, which is the viewer's and not the experiment's.
#[derive(Clone, Copy)]
pub struct PageView {
    /// The dark theme is on.
    pub dark: RwSignal<bool>,
    /// The keyboard shortcuts' help is open.
    pub help_open: RwSignal<bool>,
    /// Full screen: the presenter layout fills the screen (the Fullscreen API's, or the
    /// window's where the browser refuses it).
    pub maximised: RwSignal<bool>,
    /// The controls' drawer is open (lecture mode).
    pub drawer_open: RwSignal<bool>,
    /// The view the presenter picked to show beside the plot (kept in this browser).
    pub pick: RwSignal<Option<StageView>>,
    /// A mouse or a touch screen, asked once at start: the hints' words follow it.
    pub pointer: Pointer,
}

impl PageView {
    /// The theme kept in this browser, else the system's (`prefers-color-scheme`).
    pub fn from_browser() -> Self {
        let dark = match storage::load(THEME_KEY).as_deref() {
            Some("dark") => true,
            Some("light") => false,
            _ => media("(prefers-color-scheme: dark)"),
        };
        PageView {
            dark: RwSignal::new(dark),
            help_open: RwSignal::new(false),
            maximised: RwSignal::new(false),
            drawer_open: RwSignal::new(false),
            pick: RwSignal::new(super::stage::load_pick()),
            pointer: Pointer::from_media(media("(hover: none)"), media("(pointer: coarse)")),
        }
    }

    /// Switches between the dark and the light theme, and keeps the choice in this browser.
    pub fn toggle_theme(&self) {
        let dark = !self.dark.get_untracked();
        self.dark.set(dark);
        let _ = storage::save(THEME_KEY, if dark { "dark" } else { "light" });
    }
}

/// The pointer the page was opened with (a mouse where no [`PageView`] is provided).
pub fn pointer() -> Pointer {
    use_context::<PageView>().map_or(Pointer::Mouse, |p| p.pointer)
}

/// Whether the media query `query` matches (false where the browser cannot say).
fn media(query: &str) -> bool {
    window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|q| q.matches())
}

/// Keeps the `<html>` element's `data-lecture`, `data-theme`, `data-hide-text` and the
/// presenter layout's `data-stage`, `data-drawer` and `data-pick` in step with the config and
/// the view state (the style sheets read them).
pub fn sync_page(state: AppState, page: PageView) {
    let look = Memo::new(move |_| {
        let pick = page.pick.get();
        let (lecture, hide_text, view) = state
            .config
            .with(|c| (c.lecture, c.hide_text, stage_view(pick, c)));
        let full = page.maximised.get();
        PageLook {
            lecture,
            hide_text,
            dark: page.dark.get(),
            stage: lecture || full,
            drawer: lecture && !full && page.drawer_open.get(),
            pick: view.map_or("none", StageView::name),
        }
    });
    Effect::new(move |_| {
        if let Err(e) = set_page_attributes(look.get()) {
            state.say(format!("Could not change the page's look: {e:?}"));
        }
    });
}

/// What the `<html>` element's attributes say about the page's look.
#[derive(Clone, Copy, PartialEq)]
struct PageLook {
    lecture: bool,
    hide_text: bool,
    dark: bool,
    /// The presenter layout (lecture mode or full screen).
    stage: bool,
    drawer: bool,
    pick: &'static str,
}

fn set_page_attributes(look: PageLook) -> Result<(), JsValue> {
    let root = document()
        .document_element()
        .ok_or_else(|| JsValue::from_str("no <html> element"))?;
    set_flag(&root, "data-lecture", look.lecture)?;
    set_flag(&root, "data-hide-text", look.hide_text)?;
    set_flag(&root, "data-stage", look.stage)?;
    set_flag(&root, "data-drawer", look.drawer)?;
    root.set_attribute("data-pick", look.pick)?;
    root.set_attribute("data-theme", if look.dark { "dark" } else { "light" })
}

fn set_flag(el: &Element, name: &str, on: bool) -> Result<(), JsValue> {
    if on {
        el.set_attribute(name, "")
    } else {
        el.remove_attribute(name)
    }
}

/// How the charts should look now: the theme and lecture mode (a reactive read, so a chart's
/// effect redraws when either changes).
pub fn chart_theme(state: AppState, page: PageView) -> Theme {
    Theme {
        dark: page.dark.get(),
        lecture: state.config.with(|c| c.lecture),
    }
}

/// Flips lecture mode (a view change: training goes on).
pub fn toggle_lecture(state: AppState) {
    state.update_config(|c| c.lecture = !c.lecture);
}

/// The buttons for lecture mode, the theme and the shortcuts' help.
#[component]
pub fn ViewBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    let lecture = move || state.config.with(|c| c.lecture);
    view! {
        <div class="view-bar" role="group" aria-label="View">
            <button
                data-testid="lecture-toggle"
                aria-pressed=move || lecture().to_string()
                title=page.pointer.with_key("Lecture mode: large type, high contrast", "L")
                on:click=move |_| toggle_lecture(state)
            >
                "Lecture"
            </button>
            <button
                data-testid="theme-toggle"
                aria-pressed=move || page.dark.get().to_string()
                title=page.pointer.with_key("Dark theme", "D")
                on:click=move |_| page.toggle_theme()
            >
                {move || if page.dark.get() { "☀ Light" } else { "☾ Dark" }}
            </button>
            // Full screen's way out where there is no Escape key (a phone, a tablet), in the
            // place of the keys' "?": the brushes' Full screen button is not in the presenter's
            // row, and a keyboard has Escape and F (the "?" lists them).
            <Show when=move || page.maximised.get() && !page.pointer.shows_shortcuts()>
                <super::fullscreen::ToggleButton
                    testid="fullscreen-exit"
                    name="Leave full screen"
                    key="Esc"
                    text="✕"
                />
            </Show>
            // A touch screen has no keyboard to use them with.
            <Show when=move || page.pointer.shows_shortcuts()>
                <button
                    data-testid="shortcuts-button"
                    aria-label="Keyboard shortcuts"
                    title="Keyboard shortcuts (?)"
                    aria-expanded=move || page.help_open.get().to_string()
                    on:click=move |_| page.help_open.update(|o| *o = !*o)
                >
                    "?"
                </button>
            </Show>
        </div>
    }
}

/// Every shortcut, as shown in the help: keys and what they do.
pub const SHORTCUTS: [(&str, &str); 15] = [
    ("Space", "play / pause"),
    ("→", "train one epoch (Step)"),
    ("R", "reset the weights"),
    ("1 – 6", "choose a brush, in order (1 is class 0)"),
    ("E", "the eraser"),
    ("Ctrl+Z", "undo a point edit"),
    ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
    (
        "F",
        "full screen: the plot, the readouts and the view beside it",
    ),
    (
        "Page Down, N",
        "next lesson card (a clicker's forward button)",
    ),
    ("Page Up, P", "previous lesson card"),
    ("L", "lecture mode"),
    ("C", "lecture mode: show or hide the controls"),
    ("D", "dark / light theme"),
    ("?", "this help (Escape closes it)"),
    (
        "Escape",
        "close what is open (this help, a popover, full screen, the big QR code); with nothing open, cancel long work (random restarts, a Step in slices)",
    ),
];

/// The keyboard shortcuts' help, a small dialog.
#[component]
pub fn ShortcutsHelp() -> impl IntoView {
    let page = expect_context::<PageView>();
    view! {
        <Show when=move || page.help_open.get()>
            <div
                class="shortcuts-help panel"
                role="dialog"
                aria-label="Keyboard shortcuts"
                data-testid="shortcuts-help"
            >
                <h2>"Keyboard shortcuts"</h2>
                <table>
                    {SHORTCUTS
                        .into_iter()
                        .map(|(keys, what)| {
                            view! {
                                <tr>
                                    <th scope="row">
                                        <kbd>{keys}</kbd>
                                    </th>
                                    <td>{what}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </table>
                <p class="hint">"Shortcuts do nothing while you type in a field."</p>
                <button on:click=move |_| page.help_open.set(false)>"Close"</button>
            </div>
        </Show>
    }
}
