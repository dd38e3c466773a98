//! A fuzz test of the link parser with a fixed budget: thousands of random and mutated hashes
//! from the project's own seeded RNG, so every run (and CI) tries the same ones. For each:
//! no panic, every field within its limits, few notes, and parse(to_hash(parse(h))) equal to
//! parse(h) without notes.
use super::tests_random::random_config;
use super::*;
use crate::core::fuzz::pick;
use crate::core::rng::Pcg32;

/// How many hashes one run tries (about 2 s natively in a debug build on an idle machine).
const CASES: usize = 4000;
/// How many valid links the mutations start from.
const POOL: usize = 100;

/// Values that have broken parsers: huge and odd numbers, escapes, markup, long text.
const NASTY: [&str; 27] = [
    "1e400",
    "-1e400",
    "99999999999999999999999",
    "-0",
    "NaN",
    "inf",
    "0x10",
    "1_000",
    "%",
    "%2",
    "%zz",
    "%E2%82%AC",
    "%00",
    "%FF%FE",
    "%26x%3D1",
    "<script>alert(1)</script>",
    "=",
    "&",
    "~",
    "~AQ",
    "~AgAAAAAAAA",
    ",,,",
    "1,2,3;4,5,6;;",
    "true",
    "0-99999999999999999999",
    "5-3,-1,2--4",
    "0-18446744073709551615",
];

/// Link characters, and some others: random text is mostly these.
const LINK_CHARS: &str = "abcxyzXY019-_.,;=&%~#+é€😀\u{0} \t";

/// Random bytes, mostly printable, some of them UTF-8 beyond ASCII.
fn random_text(rng: &mut Pcg32, max: u32) -> String {
    crate::core::fuzz::random_text(rng, LINK_CHARS, max)
}

/// A value to put in place of a real one.
fn random_value(rng: &mut Pcg32) -> String {
    match rng.below(5) {
        0 => pick(rng, &NASTY).to_string(),
        1 => random_text(rng, 20),
        2 => "9".repeat(1 + rng.below(5000) as usize),
        3 => format!("{}", rng.range(-1e6, 1e6)),
        _ => format!("{}", rng.below(100)),
    }
}

/// A valid link from `pool` with one to four of its values, keys or pairs mutated.
fn mutated(rng: &mut Pcg32, pool: &[String]) -> String {
    let mut pairs: Vec<(String, String)> = pool[rng.below(pool.len() as u32) as usize]
        .split('&')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    for _ in 0..1 + rng.below(4) {
        let i = rng.below(pairs.len() as u32) as usize;
        match rng.below(6) {
            0 | 1 => pairs[i].1 = random_value(rng),
            2 => {
                let again = pairs[rng.below(pairs.len() as u32) as usize].clone();
                pairs.push(again);
            }
            3 => pairs.push((format!("{}_hide", pairs[i].0), random_value(rng))),
            4 => {
                // Flip one character of a value (compact points, params, numbers).
                let v = &mut pairs[i].1;
                if let Some((at, c)) = v.char_indices().nth(rng.below(v.len() as u32 + 1) as usize)
                {
                    let with = pick(rng, &["A", "_", "-", "%", "9", "."]);
                    v.replace_range(at..at + c.len_utf8(), with);
                }
            }
            _ => {
                pairs.remove(i);
            }
        }
    }
    let link: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    link.join("&")
}

/// A Playground-style link of its keys only, some values odd.
fn tf_style(rng: &mut Pcg32) -> String {
    let keys = TF_KEYS;
    let pairs: Vec<String> = (0..1 + rng.below(12))
        .map(|_| {
            let key = pick(rng, &keys);
            let value = match rng.below(3) {
                0 => random_value(rng),
                1 => pick(
                    rng,
                    &["true", "false", "circle", "reg-gauss", "relu", "4,2", ""],
                )
                .into(),
                _ => format!("{}", rng.uniform()),
            };
            let hide = if rng.below(4) == 0 { "_hide" } else { "" };
            format!("{key}{hide}={value}")
        })
        .collect();
    pairs.join("&")
}

fn one_case(rng: &mut Pcg32, pool: &[String]) -> String {
    match rng.below(5) {
        0 => random_text(rng, 300),
        1 => tf_style(rng),
        2 => {
            let hash = mutated(rng, pool);
            let end = rng.below(hash.len() as u32 + 1) as usize;
            hash.get(..end).unwrap_or(&hash).to_string()
        }
        _ => mutated(rng, pool),
    }
}

fn check(hash: &str) {
    let (cfg, notes) = ExperimentConfig::from_hash(hash);
    assert_eq!(cfg.clone().clamped(), cfg, "not within limits: {hash:.200}");
    assert!(notes.len() <= 13, "{} notes for {hash:.200}", notes.len());
    assert!(notes.iter().all(|n| n.chars().count() < 300), "{notes:?}");
    if let Some(params) = &cfg.params {
        assert_eq!(params.len(), cfg.param_count());
    }
    let again = cfg.to_hash();
    let (back, notes) = ExperimentConfig::from_hash(&again);
    assert!(notes.is_empty(), "{notes:?} for {again:.300}");
    assert_eq!(back, cfg, "unstable: {hash:.200}");
}

#[test]
fn the_link_parser_survives_thousands_of_random_and_mutated_links() {
    let mut rng = Pcg32::new(0x5eed, 404);
    // Valid links to mutate: random experiments, some with hundreds of points or weights.
    let pool: Vec<String> = (0..POOL)
        .map(|i| match i % 3 {
            0 => point_edit_config(&mut rng).to_hash(),
            _ => random_config(&mut rng).to_hash(),
        })
        .collect();
    assert!(pool.iter().any(|h| h.contains("pointsRemoved=")));
    for _ in 0..CASES {
        check(&one_case(&mut rng, &pool));
    }
}

/// A random experiment whose points are its generated set with some removed and some added,
/// so that its link has `pointsRemoved` and `pointsAdded`.
fn point_edit_config(rng: &mut Pcg32) -> ExperimentConfig {
    let cfg = random_config(rng);
    let base = cfg.generated_on_grid();
    let n = base.len() as u32;
    let diff = PointDiff {
        removed: (0..1 + rng.below(5))
            .map(|_| rng.below(n) as usize)
            .collect(),
        added: (0..rng.below(4))
            .map(|_| Point::new(rng.range(-6.0, 6.0), rng.range(-6.0, 6.0), 1.0))
            .collect(),
    };
    let mut removed = diff.removed.clone();
    removed.sort_unstable();
    let points = PointDiff { removed, ..diff }.apply(&base);
    ExperimentConfig {
        points: Some(points),
        ..cfg
    }
    .clamped()
}

#[test]
fn huge_and_repeated_links_stay_within_limits() {
    let big_points = format!("points={}", "1,2,1;".repeat(10_000));
    let many_keys = "wat=1&".repeat(50_000);
    let repeated = "noise=10&noise=20&".repeat(1000);
    let long_value = format!("learningRate={}", "1".repeat(199_000));
    let many_ranges = format!("pointsRemoved={}", "0-99999,".repeat(20_000));
    let many_added = format!("pointsAdded={}", "1,2,1;".repeat(10_000));
    for hash in [
        big_points,
        many_keys,
        repeated,
        long_value,
        many_ranges,
        many_added,
    ] {
        check(&hash);
    }
    let (cfg, notes) = ExperimentConfig::from_hash("model=perceptron&problem=regression");
    assert_eq!((cfg.problem, notes.len()), (Problem::Classification, 1));
}
