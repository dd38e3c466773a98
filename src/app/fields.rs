//! Labelled form controls shared by the panels: a select, a typed number, a slider and a
//! checkbox. Each reads a signal and reports changes through a callback.
use super::AppState;
use crate::core::config::{typed_value, Precision};
use leptos::prelude::*;
use web_sys::HtmlInputElement;

/// A labelled `<select>`.
#[component]
pub fn SelectField(
    /// The label shown above the control.
    label: &'static str,
    /// `(value, text)` for each option.
    options: Vec<(&'static str, &'static str)>,
    /// The current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the chosen value.
    on_change: Callback<String>,
    /// The `data-testid` of the control.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <select data-testid=testid on:change=move |ev| on_change.run(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        view! {
                            <option value=v selected=move || value.get() == v>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// A labelled number the user types. Text that is not a number is refused, a number out of
/// `range` is clamped, one finer than `precision` rounded, and the status line says so; the
/// next value taken as typed clears that message.
#[component]
pub fn NumberField(
    /// The label shown above the control (and named in messages).
    label: &'static str,
    /// The allowed range, from `core::config::limits`.
    range: (f64, f64),
    /// The current value.
    #[prop(into)]
    value: Signal<f64>,
    /// Called with the accepted value.
    on_change: Callback<f64>,
    /// What the field keeps of a number (any, whole, a weight's six decimals).
    #[prop(optional)]
    precision: Precision,
    /// The `data-testid` of the input.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_input_change = move |ev: leptos::ev::Event| {
        let input = event_target::<HtmlInputElement>(&ev);
        let (accepted, message) = typed_value(label, &input.value(), range, precision);
        if let Some(v) = accepted {
            on_change.run(v);
        }
        state.say_field(label, message);
        input.set_value(&value.get_untracked().to_string());
    };
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input
                type="text"
                inputmode="decimal"
                data-testid=testid
                prop:value=move || value.get().to_string()
                on:change=on_input_change
            />
        </label>
    }
}

/// A labelled slider with its value shown beside the label. The slider has the label as its
/// `aria-label` too: the `<output>` inside the `<label>` would otherwise take the label.
#[component]
pub fn RangeField(
    /// The label shown above the control.
    label: &'static str,
    /// Minimum, maximum and step.
    min: f64,
    max: f64,
    step: f64,
    /// The current value.
    #[prop(into)]
    value: Signal<f64>,
    /// How the value is shown (for example as a percentage).
    format: fn(f64) -> String,
    /// Called with the new value while dragging.
    on_change: Callback<f64>,
    /// The `data-testid` of the slider.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">
                {label} " " <output>{move || format(value.get())}</output>
            </span>
            <input
                type="range"
                min=min
                max=max
                step=step
                data-testid=testid
                aria-label=label
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        on_change.run(v);
                    }
                }
            />
        </label>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckField(
    /// The text beside the box.
    label: &'static str,
    /// Whether it is checked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state.
    on_change: Callback<bool>,
    /// The `data-testid` of the box.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span>{label}</span>
        </label>
    }
}

/// A [`NumberField`] bound to one field of the experiment config.
#[component]
pub fn ConfigNumber(
    /// The label shown above the control (and named in messages).
    label: &'static str,
    /// The `data-testid` of the input.
    testid: &'static str,
    /// The allowed range, from `core::config::limits`.
    range: (f64, f64),
    /// Reads the field.
    get: fn(&crate::core::config::ExperimentConfig) -> f64,
    /// Writes an accepted value.
    set: fn(&mut crate::core::config::ExperimentConfig, f64),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <NumberField
            label=label
            testid=testid
            range=range
            value=Signal::derive(move || state.config.with(get))
            on_change=Callback::new(move |v| state.update_config(|c| set(c, v)))
        />
    }
}

/// The learning rate (α in the notes and the panels), as every model's panel shows it.
#[component]
pub fn LearningRateField() -> impl IntoView {
    view! {
        <ConfigNumber
            label="Learning rate"
            testid="learning-rate"
            range=crate::core::config::limits::LEARNING_RATE
            get=|c| c.learning_rate
            set=|c, v| c.learning_rate = v
        />
    }
}
