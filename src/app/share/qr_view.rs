//! The QR code of a link, drawn on a canvas with its quiet zone; "Show big" fills the screen
//! so a lecture hall can scan it.
use crate::core::qr::{QrCode, MAX_BYTES, READABLE_VERSION};
use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

/// Light modules around the symbol, as the spec asks.
const QUIET: usize = 4;
/// About this many canvas pixels a side; CSS scales it (pixelated, so edges stay sharp).
const TARGET_PX: usize = 1000;

/// Draws `code` black on white, each module a whole number of pixels: one pixel a module on a
/// small canvas, scaled up by one `drawImage` without smoothing (one call into the browser
/// instead of one `fillRect` per dark module, which cost ~0.2 s at start-up on a slow CPU).
fn draw_qr(canvas: &HtmlCanvasElement, code: &QrCode) -> Result<(), JsValue> {
    let modules = code.size() + 2 * QUIET;
    let scale = (TARGET_PX / modules).max(1);
    let px = (modules * scale) as u32;
    canvas.set_width(px);
    canvas.set_height(px);
    let mut rgba = vec![255u8; modules * modules * 4];
    for (i, pixel) in rgba.chunks_exact_mut(4).enumerate() {
        let (x, y) = (i % modules, i / modules);
        if x >= QUIET && y >= QUIET && code.dark(x - QUIET, y - QUIET) {
            pixel[..3].fill(0);
        }
    }
    let small = crate::render::canvas::new_canvas(modules as u32, modules as u32)?;
    crate::render::canvas::put_rgba(&small, &rgba, modules)?;
    let ctx = crate::render::canvas::context(canvas)?;
    ctx.set_image_smoothing_enabled(false);
    let side = f64::from(px);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(&small, 0.0, 0.0, side, side)
}

/// The QR code of `link` when a phone reads it across a room (version
/// [`READABLE_VERSION`] or lower). When it is larger, or too long for any QR code, a note
/// says so and offers the settings-only code, `settings_link`; the code changes only when the
/// user chooses.
#[component]
pub fn QrView(
    /// The link to encode: the whole experiment (the short form, with points and weights).
    #[prop(into)]
    link: Signal<String>,
    /// The same experiment's settings only, without the points and weights that `dropped`
    /// names.
    #[prop(into)]
    settings_link: Signal<String>,
    /// What the settings-only code leaves out, for people ("your 503 points"); empty when
    /// it leaves out nothing (then it is not offered).
    #[prop(into)]
    dropped: Signal<String>,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let (big, set_big) = signal(false);
    // Escape closes the big code, as it closes every other overlay.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && big.get_untracked() {
            set_big.set(false);
        }
    });
    on_cleanup(move || escape.remove());
    let (settings_only, set_settings_only) = signal(false);
    let full = Memo::new(move |_| link.with(|l| QrCode::encode(l)));
    let fits = Memo::new(move |_| full.with(|c| c.as_ref().is_ok_and(QrCode::readable)));
    let offered = Memo::new(move |_| !fits.get() && dropped.with(|d| !d.is_empty()));
    let use_settings = Memo::new(move |_| settings_only.get() && offered.get());
    let code = Memo::new(move |_| {
        if use_settings.get() {
            settings_link.with(|l| QrCode::encode(l))
        } else {
            full.get()
        }
    });
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        if let Ok(c) = code.get() {
            if let Err(e) = draw_qr(&el, &c) {
                web_sys::console::warn_1(&e);
            }
        }
    });
    let no_code = move || code.with(|c| c.is_err());
    let caption = move || {
        let (which, len) = if use_settings.get() {
            ("the settings-only link", settings_link.with(String::len))
        } else {
            ("this link", link.with(String::len))
        };
        code.with(|c| match c {
            Ok(c) => format!(
                "QR code of {which} (version {}, {len} characters)",
                c.version
            ),
            Err(_) => String::new(),
        })
    };
    let note = Signal::derive(move || {
        fit_note(
            &full.get(),
            link.with(String::len),
            use_settings.get(),
            &dropped.get(),
        )
    });
    view! {
        <div class="qr" class:qr-big=big>
            <canvas
                node_ref=canvas
                class="qr-canvas"
                data-testid="qr-canvas"
                role="img"
                aria-label=caption
                hidden=no_code
                on:click=move |_| set_big.set(false)
            ></canvas>
            <Show when=move || !fits.get()>
                <FitNote note offered settings_only=use_settings set_settings_only />
            </Show>
            <button
                data-testid="qr-big"
                hidden=no_code
                aria-pressed=move || big.get().to_string()
                on:click=move |_| set_big.update(|b| *b = !*b)
            >
                {move || if big.get() { "Close the big QR code" } else { "Show QR code big" }}
            </button>
        </div>
    }
}

/// What the note under the QR code says when the whole experiment does not fit a code a
/// phone reads across a room: why, and what the settings-only code leaves out.
fn fit_note(
    full: &Result<QrCode, String>,
    len: usize,
    settings_only: bool,
    dropped: &str,
) -> String {
    if settings_only {
        return format!(
            "This QR code holds the settings only, not {dropped}. The copied link keeps everything."
        );
    }
    match full {
        Ok(c) => format!(
            "This QR code holds {len} characters: at version {} ({n}×{n} squares) a phone reads it up close, not across a room (that takes version {READABLE_VERSION} or lower).",
            c.version,
            n = c.size()
        ),
        Err(_) => format!(
            "This link has {len} characters: too long for a QR code (at most {MAX_BYTES})."
        ),
    }
}

/// The note when the experiment does not fit a readable QR code, with the choice between
/// the full code and the settings-only one.
#[component]
fn FitNote(
    /// What to say.
    note: Signal<String>,
    /// Whether the settings-only code leaves something out (else it is not offered).
    offered: Memo<bool>,
    /// Whether the settings-only code is shown.
    settings_only: Memo<bool>,
    /// Chooses the settings-only code (true) or the full one.
    set_settings_only: WriteSignal<bool>,
) -> impl IntoView {
    view! {
        <p class="qr-note" data-testid="qr-note">
            {note}
            <Show when=move || {
                offered.get()
            }>
                " "
                <button
                    data-testid="qr-settings-only"
                    aria-pressed=move || settings_only.get().to_string()
                    on:click=move |_| set_settings_only.update(|s| *s = !*s)
                >
                    {move || {
                        if settings_only.get() {
                            "Show the full code"
                        } else {
                            "Show the settings-only code"
                        }
                    }}
                </button>
            </Show>
        </p>
    }
}
