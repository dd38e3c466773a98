//! The view state: how the page looks, not what the experiment is. Lecture mode, the hidden
//! controls (`<name>_hide`), the hidden text (`hideText`) and the decision line
//! (`boundaryLine`) ride in links beside the experiment, but a lesson card's experiment never
//! changes them, and a lesson link may carry them on top of its card's experiment
//! (`#lesson=logic-gates&lecture=true&xTimesY_hide=true`).
use super::tf::HIDE_SUFFIX;
use super::{ExperimentConfig, HiddenControls};

/// The link keys that set the view, not the experiment (besides every `<name>_hide`).
pub const VIEW_KEYS: [&str; 3] = ["lecture", "hideText", "boundaryLine"];

/// Whether `key` (a link key, without its value) sets the view rather than the experiment.
pub fn is_view_key(key: &str) -> bool {
    VIEW_KEYS.contains(&key) || (key.len() > HIDE_SUFFIX.len() && key.ends_with(HIDE_SUFFIX))
}

/// Splits a hash's `key=value` pairs (no `#`) into the experiment's and the view's, each
/// joined again with `&`, in their order. Empty pairs are dropped.
pub fn split_view_keys(hash: &str) -> (String, String) {
    let (mut experiment, mut view) = (Vec::new(), Vec::new());
    for pair in hash.split('&').filter(|p| !p.is_empty()) {
        let key = pair.split_once('=').map_or(pair, |(k, _)| k);
        if is_view_key(key) {
            view.push(pair);
        } else {
            experiment.push(pair);
        }
    }
    (experiment.join("&"), view.join("&"))
}

/// Everything in [`ExperimentConfig`] that is the viewer's and not the experiment's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    pub hidden: HiddenControls,
    pub hide_text: bool,
    pub lecture: bool,
    pub boundary_line: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ExperimentConfig::default().view()
    }
}

impl ViewState {
    /// The view that a hash's view keys set (defaults for those it lacks). Other keys are
    /// ignored, so a card's experiment is never read here.
    pub fn from_hash(hash: &str) -> ViewState {
        let (_, view) = split_view_keys(hash.strip_prefix('#').unwrap_or(hash));
        ExperimentConfig::from_hash(&view).0.view()
    }
}

impl ExperimentConfig {
    /// The view part of the config.
    pub fn view(&self) -> ViewState {
        ViewState {
            hidden: self.hidden.clone(),
            hide_text: self.hide_text,
            lecture: self.lecture,
            boundary_line: self.boundary_line,
        }
    }

    /// The config with `view` in place of its own view (the experiment unchanged).
    pub fn with_view(self, view: ViewState) -> ExperimentConfig {
        ExperimentConfig {
            hidden: view.hidden,
            hide_text: view.hide_text,
            lecture: view.lecture,
            boundary_line: view.boundary_line,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Change;

    #[test]
    fn view_keys_are_lecture_hide_text_boundary_line_and_every_hide_flag() {
        for key in [
            "lecture",
            "hideText",
            "boundaryLine",
            "xTimesY_hide",
            "noise_hide",
        ] {
            assert!(is_view_key(key), "{key}");
        }
        for key in [
            "dataset",
            "learningRate",
            "lesson",
            "card",
            "_hide",
            "hide",
            "points",
        ] {
            assert!(!is_view_key(key), "{key}");
        }
    }

    #[test]
    fn a_hash_splits_into_experiment_and_view_in_order() {
        let (e, v) = split_view_keys("dataset=xor&lecture=true&noise=5&x_hide=true&&hideText=1");
        assert_eq!(e, "dataset=xor&noise=5");
        assert_eq!(v, "lecture=true&x_hide=true&hideText=1");
        assert_eq!(split_view_keys(""), (String::new(), String::new()));
    }

    #[test]
    fn the_view_of_a_hash_ignores_the_experiment() {
        let v = ViewState::from_hash("#dataset=circle&lecture=true&xTimesY_hide=true");
        assert!(v.lecture && v.boundary_line && !v.hide_text);
        assert_eq!(v.hidden.iter().collect::<Vec<_>>(), ["xTimesY"]);
        let v = ViewState::from_hash("hideText=true&boundaryLine=false");
        assert!(v.hide_text && !v.boundary_line && !v.lecture && v.hidden.is_empty());
        assert_eq!(ViewState::from_hash("noise=5"), ViewState::default());
    }

    #[test]
    fn a_new_view_changes_only_the_view() {
        let (cfg, _) = ExperimentConfig::from_hash("dataset=circle&noise=10&output=auto");
        let view = ViewState::from_hash("lecture=true&noise_hide=true&hideText=true");
        let viewed = cfg.clone().with_view(view.clone());
        assert_eq!(viewed.view(), view);
        assert_eq!(cfg.change_to(&viewed), Change::Redraw);
        assert_eq!(viewed.with_view(cfg.view()), cfg);
    }
}
