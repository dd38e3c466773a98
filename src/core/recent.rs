//! The experiments a browser keeps for the user (the app keeps them in localStorage): one
//! entry per tab's working experiment, the last [`KEEP`] of them, so that two tabs never
//! overwrite each other's drawing and a bare address can offer each of them back. This file
//! is the pure part: how an entry is written and read, which entries are kept, and the words
//! that describe one to the user.
use crate::core::config::ExperimentConfig;
use crate::core::text::plural;

/// How many experiments (different links) a browser keeps.
pub const KEEP: usize = 5;
/// The storage key of a tab's experiment is this followed by the tab's id.
pub const KEY_PREFIX: &str = "nn-playground/experiment/";
/// Where versions before per-tab keys kept the one working experiment (its hash alone). It
/// is read as the oldest entry and removed like any other once it is no longer among the
/// last [`KEEP`].
pub const LEGACY_KEY: &str = "nn-playground/experiment";

/// One kept experiment: its storage key, when it was saved (milliseconds since 1970, 0 for
/// the legacy entry) and its link hash (without `#`).
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    pub key: String,
    pub saved_ms: f64,
    pub hash: String,
}

impl Kept {
    /// The entry stored under `key` as `text`, if `key` is one of the experiment keys and
    /// `text` holds a hash; anything else (another key, damaged text) is `None`.
    pub fn read(key: &str, text: &str) -> Option<Kept> {
        let (saved_ms, hash) = if key == LEGACY_KEY {
            (0.0, text)
        } else if key.starts_with(KEY_PREFIX) && key.len() > KEY_PREFIX.len() {
            let (ms, hash) = text.split_once('|')?;
            let ms = ms
                .parse::<f64>()
                .ok()
                .filter(|m| m.is_finite() && *m >= 0.0)?;
            (ms, hash)
        } else {
            return None;
        };
        let hash = hash.trim();
        (!hash.is_empty()).then(|| Kept {
            key: key.to_string(),
            saved_ms,
            hash: hash.to_string(),
        })
    }

    /// The text to store for `hash` saved at `saved_ms` (what [`Kept::read`] reads back).
    pub fn text(saved_ms: f64, hash: &str) -> String {
        format!("{}|{hash}", saved_ms.max(0.0).round())
    }

    /// How the entry is offered: the user's points (by class, so that two drawings tell
    /// apart) or the generated data, the model and how long ago it was saved, e.g.
    /// "your 4 points (3 of class 0, 1 of class 1) · Neural network · saved 3 minutes ago".
    pub fn describe(&self, now_ms: f64) -> String {
        let (cfg, _) = ExperimentConfig::from_hash(&self.hash);
        format!(
            "{}{} · {} · saved {}",
            points_text(&cfg),
            by_class(&cfg),
            cfg.model.label(),
            ago(self.saved_ms, now_ms)
        )
    }
}

/// The user's own points of `cfg` ("your 4 points"), or the data set it generates.
pub fn points_text(cfg: &ExperimentConfig) -> String {
    match &cfg.points {
        Some(points) => format!("your {}", plural(points.len(), "point")),
        None => format!("{} data", cfg.active_dataset().label()),
    }
}

/// The user's points of a classification by class (" (3 of class 0, 1 of class 1)"), or
/// nothing.
fn by_class(cfg: &ExperimentConfig) -> String {
    let Some(points) = cfg.points.as_ref().filter(|p| !p.is_empty()) else {
        return String::new();
    };
    if cfg.problem != crate::core::dataset::Problem::Classification {
        return String::new();
    }
    let mut counts = [0_usize; crate::core::dataset::MAX_CLASSES];
    for p in points {
        if let Some(n) = counts.get_mut(p.label as usize) {
            *n += 1;
        }
    }
    let parts: Vec<String> = (0..counts.len())
        .filter(|&c| counts[c] > 0)
        .map(|c| format!("{} of class {c}", counts[c]))
        .collect();
    format!(" ({})", parts.join(", "))
}

/// How long before `now_ms` a moment `then_ms` was, in words ("just now", "3 minutes ago");
/// the legacy entry's 0 is "some time ago".
pub fn ago(then_ms: f64, now_ms: f64) -> String {
    if then_ms <= 0.0 {
        return "some time ago".into();
    }
    let seconds = ((now_ms - then_ms) / 1000.0).max(0.0) as usize;
    let (n, unit) = match seconds {
        0..10 => return "just now".into(),
        10..120 => (seconds, "second"),
        120..7200 => (seconds / 60, "minute"),
        7200..172_800 => (seconds / 3600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    format!("{} ago", plural(n, unit))
}

/// The last [`KEEP`] different experiments of `all`, newest first (of two entries with the
/// same hash, the newer).
pub fn recent(mut all: Vec<Kept>) -> Vec<Kept> {
    all.sort_by(|a, b| b.saved_ms.total_cmp(&a.saved_ms));
    let mut kept: Vec<Kept> = Vec::with_capacity(KEEP);
    for entry in all {
        if kept.len() == KEEP {
            break;
        }
        if kept.iter().all(|k| k.hash != entry.hash) {
            kept.push(entry);
        }
    }
    kept
}

/// The keys of `all` to remove: entries that are not among [`recent`]'s (older copies of a
/// kept hash, and those beyond [`KEEP`]), never `own` (the tab's own key).
pub fn to_remove(all: &[Kept], own: &str) -> Vec<String> {
    let kept = recent(all.to_vec());
    all.iter()
        .filter(|e| e.key != own && kept.iter().all(|k| k.key != e.key))
        .map(|e| e.key.clone())
        .collect()
}

/// What the status line says when a bare address brings back `hash`, saved at `saved_ms`:
/// this tab's own latest experiment (`this_tab`), or the one this browser saved most
/// recently, with when, so that nobody takes an older save for their latest work.
pub fn restored_note(hash: &str, this_tab: bool, saved_ms: f64, now_ms: f64) -> String {
    let (cfg, _) = ExperimentConfig::from_hash(hash);
    let what = points_text(&cfg);
    if this_tab {
        format!("Restored this tab's latest experiment ({what}).")
    } else {
        format!(
            "Restored the experiment this browser saved most recently, {} ({what}).",
            ago(saved_ms, now_ms)
        )
    }
}

/// What the status line says when the user picks `hash`, saved at `saved_ms`, from the
/// recent experiments.
pub fn restored_other_note(hash: &str, saved_ms: f64, now_ms: f64) -> String {
    let (cfg, _) = ExperimentConfig::from_hash(hash);
    format!(
        "Restored the experiment saved {} ({}).",
        ago(saved_ms, now_ms),
        points_text(&cfg)
    )
}

#[cfg(test)]
mod tests;
