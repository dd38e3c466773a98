//! The network diagram: weights as lines (colour: sign, width: size), units as circles
//! (colour: bias), the inputs and outputs named, all on one canvas that is redrawn only when
//! the weights, the shape, the width, the theme or the marked item change. Hovering shows a
//! value under it; clicking (or the arrow keys) selects a weight or bias for editing below.
use super::help_tip::HelpTip;
use super::lecture::{chart_theme, PageView};
use super::sized::{watch_size, watch_visible, width_of};
use super::AppState;
use crate::core::help::HelpTopic;
use crate::render::canvas::{css_font_px, draw_diagram, DiagramView};
use crate::render::chart_style::{ChartStyle, Theme};
use crate::render::diagram::{DiagramLabels, Item, Layout, FONT, LECTURE_FONT};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use web_sys::{KeyboardEvent, MouseEvent};

mod picture;
pub use picture::picture;

/// A cheap fingerprint of the parameters' bits: the diagram is redrawn when it changes.
fn fingerprint(params: &[f64]) -> u64 {
    params.iter().fold(0xcbf2_9ce4_8422_2325, |h, p| {
        (h ^ p.to_bits()).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// What the diagram is drawn from, and what it marks.
#[derive(Clone, Copy)]
struct Diagram {
    state: AppState,
    canvas: NodeRef<Canvas>,
    layout: Memo<Layout>,
    theme: Memo<Theme>,
    hovered: RwSignal<Option<Item>>,
    selected: RwSignal<Option<Item>>,
    /// The fingerprint of the parameters last drawn.
    drawn: StoredValue<Option<u64>>,
    /// Whether the canvas is on screen (it is not drawn while it is not).
    visible: ReadSignal<bool>,
}

impl Diagram {
    /// The layout follows the network's shape, the ruler's width and lecture mode's type; a
    /// new shape forgets the marked items.
    fn new(state: AppState, page: PageView, ruler: NodeRef<Div>, room: NodeRef<Div>) -> Self {
        let width = width_of(ruler);
        // The room's height beside the plot (the presenter layout; elsewhere the room has no
        // box of its own and the network is as tall as it needs).
        let room = watch_size(room);
        let theme = Memo::new(move |_| chart_theme(state, page));
        let shape = Memo::new(move |_| {
            state
                .snapshot
                .with(|s| (s.net.sizes(), s.net.output(), s.features))
        });
        let layout = Memo::new(move |_| {
            let (sizes, output, features) = shape.get();
            let names = DiagramLabels::new(sizes[0], output, features);
            // The ruler's CSS font-size (larger in the presenter layout on a big screen).
            // (lecture mode from the config, not the theme memo the draw effect also reads:
            // a memo read by both would let the effect miss a change of theme.)
            let fallback = if state.config.with(|c| c.lecture) {
                LECTURE_FONT
            } else {
                FONT
            };
            let font = ruler
                .get_untracked()
                .and_then(|el| css_font_px(&el))
                .unwrap_or(fallback);
            let room = room.get().map_or(0.0, |(_, h)| h);
            Layout::new_in(&sizes, names, (width.get(), room), font)
        });
        let (hovered, selected) = (RwSignal::new(None), RwSignal::new(None));
        Effect::new(move |_| {
            shape.track();
            hovered.set(None);
            selected.set(None);
        });
        let canvas = NodeRef::new();
        Diagram {
            state,
            canvas,
            visible: watch_visible(canvas),
            layout,
            theme,
            hovered,
            selected,
            drawn: StoredValue::new(None),
        }
    }

    /// Draws the diagram now (reading nothing reactively).
    fn draw(self) {
        let Some(el) = self.canvas.get_untracked() else {
            return;
        };
        if !self.visible.get_untracked() {
            return;
        }
        let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let theme = self.theme.get_untracked();
        let style = ChartStyle::new(theme, ratio.clamp(1.0, 3.0));
        let result = self.layout.with_untracked(|layout| {
            if layout.width < 1.0 {
                return Ok(());
            }
            self.state.snapshot.with_untracked(|s| {
                self.drawn.set_value(Some(fingerprint(&s.net.params)));
                let view = DiagramView {
                    layout,
                    params: &s.net.params,
                    style: &style,
                    hovered: self.hovered.get_untracked(),
                    selected: self.selected.get_untracked(),
                };
                draw_diagram(&el, &view)
            })
        });
        if let Err(e) = result {
            self.state
                .say(format!("Could not draw the network diagram: {e:?}"));
        }
    }

    /// Draws on a new layout, theme or marked item, on coming back on screen, and on a
    /// snapshot whose weights changed.
    fn redraw_on_change(self) {
        Effect::new(move |_| {
            self.theme.track();
            self.visible.track();
            self.layout.track();
            self.hovered.track();
            self.selected.track();
            self.draw();
        });
        Effect::new(move |_| {
            let now = self.state.snapshot.with(|s| fingerprint(&s.net.params));
            if self.drawn.get_value() != Some(now) {
                self.draw();
            }
        });
    }

    /// The item under the pointer.
    fn at(self, ev: &MouseEvent) -> Option<Item> {
        let at = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        // The presenter layout may show the canvas smaller than its layout (object-fit).
        let shown = self.canvas.get_untracked().map_or((0.0, 0.0), |c| {
            (f64::from(c.client_width()), f64::from(c.client_height()))
        });
        self.layout.with_untracked(|l| {
            let (x, y) = l.from_shown(at, shown);
            l.hit(x, y)
        })
    }

    /// The parameter `item` stands for, if any.
    fn param_of(self, item: Item) -> Option<usize> {
        self.state.snapshot.with(|s| item.param(&s.net))
    }

    /// Selects `item` for editing if it is a weight or a bias.
    fn choose(self, item: Option<Item>) {
        if item.is_some_and(|i| self.param_of(i).is_some()) {
            self.selected.set(item);
        }
    }

    /// The arrow keys step through the weights and biases.
    fn key(self, ev: KeyboardEvent) {
        let forward = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => true,
            "ArrowUp" | "ArrowLeft" => false,
            _ => return,
        };
        ev.prevent_default();
        let next = self
            .layout
            .with_untracked(|l| l.step(self.selected.get_untracked(), forward));
        self.choose(next);
    }

    /// The line under the diagram: the hovered item and its value, or how to use it.
    fn caption(self) -> Memo<String> {
        let pointer = super::lecture::pointer();
        Memo::new(move |_| match self.hovered.get() {
            Some(item) => {
                let value = self
                    .param_of(item)
                    .and_then(|p| self.state.snapshot.with(|s| s.net.params.get(p).copied()));
                self.layout.with(|l| l.describe(item, value))
            }
            None => pointer.diagram_hint().into(),
        })
    }
}

/// The diagram panel (network models).
#[component]
pub fn DiagramPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = expect_context::<PageView>();
    let (ruler, room) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    let d = Diagram::new(state, page, ruler, room);
    d.redraw_on_change();
    let caption = d.caption();
    let (layout, hovered, selected) = (d.layout, d.hovered, d.selected);
    view! {
        <div class="diagram-panel">
            <h2>"Network" <HelpTip topic=HelpTopic::Diagram /></h2>
            <div class="diagram-ruler" node_ref=ruler></div>
            <div class="diagram-room" node_ref=room>
                <canvas
                    class="diagram"
                    class:pointing=move || hovered.with(Option::is_some)
                    data-testid="diagram"
                    data-layout=move || layout.with(Layout::to_json)
                    node_ref=d.canvas
                    role="img"
                    tabindex="0"
                    aria-label=move || layout.with(Layout::summary)
                    on:pointermove=move |ev| {
                        let hit = d.at(&ev);
                        if hit != hovered.get_untracked() {
                            hovered.set(hit);
                        }
                    }
                    on:pointerleave=move |_| hovered.set(None)
                    on:click=move |ev| d.choose(d.at(&ev))
                    on:keydown=move |ev| d.key(ev)
                ></canvas>
            </div>
            <p class="diagram-caption" data-testid="diagram-info">
                {move || caption.get()}
            </p>
            <ParamEditor selected layout />
        </div>
    }
}

/// The editor of the selected weight or bias: typed numbers go through the config's limits.
#[component]
fn ParamEditor(
    /// The weight or bias being edited, if any.
    selected: RwSignal<Option<Item>>,
    /// The diagram's layout, for the item's name.
    layout: Memo<Layout>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let param = Memo::new(move |_| {
        let item = selected.get()?;
        state.snapshot.with(|s| item.param(&s.net))
    });
    let name = Memo::new(move |_| {
        selected
            .get()
            .map_or(String::new(), |item| layout.with(|l| l.name(item)))
    });
    let shown = Memo::new(move |_| {
        let p = param.get()?;
        state.snapshot.with(|s| {
            s.net
                .params
                .get(p)
                .map(|&v| crate::core::number_text::fixed(v, 4))
        })
    });
    let edit = move |ev: leptos::ev::Event| {
        if let Some(p) = param.get_untracked() {
            set_param_from_text(&state, p, &event_target_value(&ev));
        }
    };
    view! {
        <span class="visually-hidden" aria-live="polite">
            {move || name.get()}
        </span>
        <Show when=move || param.with(Option::is_some)>
            <label class="field">
                <span class="field-label">{move || format!("Edit the {}:", name.get())}</span>
                <input
                    type="text"
                    inputmode="decimal"
                    data-testid="param-editor"
                    prop:value=move || shown.get().unwrap_or_default()
                    on:change=edit
                />
            </label>
        </Show>
    }
}

/// Sets parameter `p` to the typed `text`, within the config's weight limits, saying why
/// where it was clamped or refused.
fn set_param_from_text(state: &AppState, p: usize, text: &str) {
    let limit = crate::core::config::limits::WEIGHT;
    match crate::core::config::typed_number("Weight", text, limit) {
        (Some(v), message) => {
            state.trainer.update_value(|t| {
                t.set_param(p, v);
            });
            state.publish();
            if let Some(m) = message {
                state.say(m);
            }
        }
        (None, message) => state.say(message.unwrap_or_default()),
    }
}
