//! Reading one link value: numbers, flags, choices, the network shape, and the notes that say
//! what was ignored or clamped.
use super::clamp::{adjusted_note, Adjust};
use super::{format_number, limits, round_weight, Speed};
use crate::core::text::plural;

/// An integer seed as it is; any other text (the TensorFlow Playground's `0.53`) hashed (FNV-1a).
pub(super) fn parse_seed(text: &str) -> u64 {
    text.parse::<u64>().unwrap_or_else(|_| {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
    })
}

/// Decodes `%XX` escapes (by the `percent-encoding` crate); anything malformed is kept as it
/// is, and bytes that are not UTF-8 become U+FFFD.
pub(super) fn percent_decode(raw: &str) -> String {
    percent_encoding::percent_decode_str(raw)
        .decode_utf8_lossy()
        .into_owned()
}

pub(super) use crate::core::text::shorten;

/// The stable link name of a choice (`reg-plane`, `tanh`, …), for notes that say what was kept.
pub(super) trait LinkName: Copy {
    fn link_name(self) -> &'static str;
}

macro_rules! link_names {
    ($($t:ty),*) => {$(
        impl LinkName for $t {
            fn link_name(self) -> &'static str {
                self.name()
            }
        }
    )*};
}

link_names!(
    super::Model,
    super::PerceptronStep,
    super::LrSchedule,
    super::OutputStyle,
    crate::core::dataset::CurveKind,
    crate::core::dataset::Problem,
    crate::core::dataset::DatasetKind,
    crate::core::activation::Activation,
    crate::core::mlp::Init,
    crate::core::optimizer::OptimizerKind,
    crate::core::regularization::Regularization,
    crate::core::gradients::GradientMethod
);

/// One key's value, with the notes to write to.
pub(super) struct Parser<'a> {
    pub key: &'a str,
    pub value: &'a str,
    pub notes: &'a mut Vec<String>,
}

impl Parser<'_> {
    pub fn bad(&mut self, kept: impl std::fmt::Display) {
        let (key, value) = (self.key, shorten(self.value));
        self.notes
            .push(format!("{key}: '{value}' is not valid; kept {kept}."));
    }

    /// Notes that the value was changed to `used`, and `how`.
    pub fn adjusted(&mut self, used: impl std::fmt::Display, how: Adjust) {
        let note = adjusted_note(
            self.key,
            &shorten(self.value.trim()),
            &used.to_string(),
            how,
        );
        self.notes.push(note);
    }

    pub fn choice<T: LinkName>(&mut self, slot: &mut T, parse: impl Fn(&str) -> Option<T>) {
        match parse(self.value) {
            Some(v) => *slot = v,
            None => self.bad(slot.link_name()),
        }
    }

    pub fn float(&mut self, slot: &mut f64, (lo, hi): (f64, f64)) {
        match self.value.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => {
                let c = v.clamp(lo, hi);
                if c != v {
                    self.adjusted(format_number(c), Adjust::Range(lo, hi));
                }
                *slot = c;
            }
            _ => self.bad(format_number(*slot)),
        }
    }

    /// A whole number in `lo..=hi`; `current` is kept when the value is not a number.
    pub fn int(&mut self, current: u64, lo: u64, hi: u64) -> u64 {
        match self.value.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => {
                let (r, c) = (v.round(), v.round().clamp(lo as f64, hi as f64));
                if c != r {
                    self.adjusted(c, Adjust::Range(lo as f64, hi as f64));
                } else if r != v {
                    self.adjusted(c, Adjust::Rounded);
                }
                c as u64
            }
            _ => {
                self.bad(current);
                current
            }
        }
    }

    /// [`Parser::int`] for a `usize` field and its range.
    pub fn int_usize(&mut self, current: usize, (lo, hi): (usize, usize)) -> usize {
        self.int(current as u64, lo as u64, hi as u64) as usize
    }

    /// [`Parser::int`] for a `u32` field and its range.
    pub fn int_u32(&mut self, current: u32, (lo, hi): (u32, u32)) -> u32 {
        self.int(current.into(), lo.into(), hi.into()) as u32
    }

    pub fn flag(&mut self, slot: &mut bool) {
        match self.value {
            "true" | "1" => *slot = true,
            "false" | "0" => *slot = false,
            _ => self.bad(*slot),
        }
    }

    pub fn speed(&mut self, slot: &mut Speed) {
        if self.value == "max" {
            *slot = Speed::Max;
            return;
        }
        let current = match *slot {
            Speed::EpochsPerFrame(n) => n,
            Speed::Max => 1,
        };
        let (lo, hi) = limits::SPEED;
        *slot = Speed::EpochsPerFrame(self.int(current.into(), lo.into(), hi.into()) as u32);
    }

    /// `w1,w2,b`: three numbers, each clamped; anything else keeps the old weights.
    pub fn weights(&mut self, slot: &mut [f64; 3]) {
        self.numbers(slot, limits::WEIGHT);
    }

    /// Line mode's start `m,c`: two finite numbers, clamped to [`limits::LINE_START`].
    pub fn line_start(&mut self, slot: &mut [f64; 2]) {
        self.numbers(slot, limits::LINE_START);
    }

    /// `N` comma-separated finite numbers, each clamped to `(lo, hi)` and rounded as weights
    /// are; anything else keeps the old values.
    fn numbers<const N: usize>(&mut self, slot: &mut [f64; N], (lo, hi): (f64, f64)) {
        let parts: Vec<Option<f64>> = self
            .value
            .split(',')
            .map(|v| v.trim().parse::<f64>().ok().filter(|v| v.is_finite()))
            .collect();
        let given: Option<Vec<f64>> = parts.into_iter().collect();
        match given.and_then(|v| <[f64; N]>::try_from(v).ok()) {
            Some(given) => {
                let new = given.map(|w| round_weight(w.clamp(lo, hi)));
                let used = new.map(format_number).join(",");
                if given.iter().any(|w| !(lo..=hi).contains(w)) {
                    self.adjusted(used, Adjust::Range(lo, hi));
                } else if new != given {
                    self.adjusted(used, Adjust::Decimals(6));
                }
                *slot = new;
            }
            None => self.bad(slot.map(format_number).join(",")),
        }
    }

    pub fn shape(&mut self, slot: &mut Vec<usize>) {
        let mut shape = Vec::new();
        for part in self.value.split(',').filter(|p| !p.trim().is_empty()) {
            if shape.len() == limits::MAX_HIDDEN_LAYERS {
                let most = limits::MAX_HIDDEN_LAYERS;
                self.notes.push(format!(
                    "{}: at most {most} hidden layers; used the first {most}.",
                    self.key
                ));
                break;
            }
            match part.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => {
                    let (r, c) = (n.round(), n.round().clamp(1.0, limits::MAX_NEURONS as f64));
                    let used = plural(c as usize, "neuron");
                    if c != r {
                        let how = Adjust::Range(1.0, limits::MAX_NEURONS as f64);
                        self.layer_adjusted(part, used, how);
                    } else if r != n {
                        self.layer_adjusted(part, used, Adjust::Rounded);
                    }
                    shape.push(c as usize);
                }
                _ => {
                    let kept: Vec<String> = slot.iter().map(usize::to_string).collect();
                    self.bad(kept.join(","));
                    return;
                }
            }
        }
        *slot = shape;
    }

    /// Notes that one layer's size `part` of the shape was changed to `used`.
    fn layer_adjusted(&mut self, part: &str, used: String, how: Adjust) {
        let note = adjusted_note(self.key, &shorten(part.trim()), &used, how);
        self.notes.push(note);
    }
}
