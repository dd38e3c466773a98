//! A long press on a touch screen (the touch's right-click): held still for
//! [`LONG_PRESS_MS`], it calls back with the touch's client coordinates, and the click that
//! the browser sends when the finger lifts is swallowed.
use leptos::prelude::*;
use std::time::Duration;
use web_sys::PointerEvent;

/// How long a touch must be held to count as a long press.
pub const LONG_PRESS_MS: u64 = 550;
/// How far (CSS pixels) a finger may drift during a long press.
const SLOP_PX: f64 = 10.0;

/// The touch under way, and what a long press does.
#[derive(Clone, Copy)]
pub struct LongPress {
    /// The touch's start point and its timer, while one is held.
    pending: StoredValue<Option<(f64, f64, TimeoutHandle)>>,
    /// A long press fired, so the next click is not an add.
    fired: StoredValue<bool>,
    /// The last pointer down was a touch.
    touch: StoredValue<bool>,
    on_long_press: Callback<(f64, f64)>,
}

impl LongPress {
    /// A long-press detector calling `f(client_x, client_y)`.
    pub fn new(f: impl Fn(f64, f64) + Send + Sync + 'static) -> Self {
        LongPress {
            pending: StoredValue::new(None),
            fired: StoredValue::new(false),
            touch: StoredValue::new(false),
            on_long_press: Callback::new(move |(x, y)| f(x, y)),
        }
    }

    /// A pointer went down: a touch starts the timer.
    pub fn down(self, ev: &PointerEvent) {
        self.cancel();
        let touch = ev.pointer_type() == "touch";
        self.touch.set_value(touch);
        self.fired.set_value(false);
        if !touch {
            return;
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let fire = move || {
            self.pending.set_value(None);
            self.fired.set_value(true);
            self.on_long_press.run((x, y));
        };
        let handle = set_timeout_with_handle(fire, Duration::from_millis(LONG_PRESS_MS)).ok();
        self.pending.set_value(handle.map(|h| (x, y, h)));
    }

    /// The pointer moved: a finger that drifts is a drag, not a long press.
    pub fn moved(self, ev: &PointerEvent) {
        let Some((x, y, _)) = self.pending.get_value() else {
            return;
        };
        let (dx, dy) = (f64::from(ev.client_x()) - x, f64::from(ev.client_y()) - y);
        if dx.hypot(dy) > SLOP_PX {
            self.cancel();
        }
    }

    /// The touch ended or was cancelled before the long press.
    pub fn cancel(self) {
        if let Some((_, _, handle)) = self.pending.get_value() {
            handle.clear();
        }
        self.pending.set_value(None);
    }

    /// Whether the click now arriving ends a long press (and so adds nothing).
    pub fn took_click(self) -> bool {
        let fired = self.fired.get_value();
        self.fired.set_value(false);
        fired
    }

    /// Whether the last pointer down was a touch.
    pub fn is_touch(self) -> bool {
        self.touch.get_value()
    }
}
