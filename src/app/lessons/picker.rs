//! The lesson picker.
use super::{nav, LessonUi};
use crate::app::AppState;
use crate::core::lesson::shipped;
use leptos::prelude::*;

/// A select with every lesson, and "no lesson" (free play).
#[component]
pub fn LessonPicker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = expect_context::<LessonUi>();
    let current = move || nav::position(state).map(|(lesson, _)| lesson);
    let choose = move |id: String| match shipped().find(&id) {
        Some(lesson) => nav::go_to(state, ui, lesson, 0),
        None => nav::close(state),
    };
    view! {
        <label class="field lesson-picker">
            <span class="field-label">"Lesson"</span>
            <select data-testid="lesson-select" on:change=move |ev| choose(event_target_value(&ev))>
                <option value="" selected=move || current().is_none()>
                    "Free play"
                </option>
                {shipped()
                    .lessons
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        view! {
                            <option value=l.id.clone() selected=move || current() == Some(i)>
                                {format!("{}. {}", i + 1, l.title)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
