//! Reading one link value: numbers, flags, choices, the network shape, and the notes that say
//! what was ignored or clamped.
use super::{format_number, limits, round_weight, Speed};

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

/// At most 24 characters of user text, for a note.
pub(super) fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        s.push('…');
    }
    s
}

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

    pub fn clamped(&mut self, to: impl std::fmt::Display) {
        let (key, value) = (self.key, shorten(self.value));
        self.notes
            .push(format!("{key}: {value} is out of range; used {to}."));
    }

    pub fn choice<T: Copy + std::fmt::Debug>(
        &mut self,
        slot: &mut T,
        parse: impl Fn(&str) -> Option<T>,
    ) {
        match parse(self.value) {
            Some(v) => *slot = v,
            None => self.bad(format!("{slot:?}").to_lowercase()),
        }
    }

    pub fn float(&mut self, slot: &mut f64, (lo, hi): (f64, f64)) {
        match self.value.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => {
                let c = v.clamp(lo, hi);
                if c != v {
                    self.clamped(format_number(c));
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
                let c = v.round().clamp(lo as f64, hi as f64);
                if c != v {
                    self.clamped(c);
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
                if new.iter().zip(given).any(|(n, w)| (n - w).abs() > 1e-9) {
                    self.clamped(new.map(format_number).join(","));
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
                self.clamped(format!("{} hidden layers", limits::MAX_HIDDEN_LAYERS));
                break;
            }
            match part.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => {
                    let c = n.round().clamp(1.0, limits::MAX_NEURONS as f64);
                    if c != n {
                        self.clamped(format!("{c} neurons"));
                    }
                    shape.push(c as usize);
                }
                _ => {
                    self.bad(format!("{slot:?}"));
                    return;
                }
            }
        }
        *slot = shape;
    }
}
