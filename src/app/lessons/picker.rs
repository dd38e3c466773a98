//! The lesson picker.
use super::{nav, LessonUi};
use crate::app::AppState;
use crate::core::lesson::shipped;
use leptos::prelude::*;

/// A select with every lesson, and "no lesson" (free play). Each lesson shows the progress
/// kept in this browser before its title (where a narrow select still shows it): "(2/5 seen)",
/// or ✓ when every card was seen.
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
                        let label = move || {
                            let done = ui.progress.with(|p| p.label(l));
                            match done.as_str() {
                                "" => format!("{}. {}", i + 1, l.title),
                                "✓" => format!("{}. ✓ {}", i + 1, l.title),
                                _ => format!("{}. ({done}) {}", i + 1, l.title),
                            }
                        };
                        view! {
                            <option
                                value=l.id.clone()
                                selected=move || current() == Some(i)
                                data-progress=move || ui.progress.with(|p| p.seen_in(l)).to_string()
                            >
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
