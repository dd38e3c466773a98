//! Nothing changes silently: every value a link gives that the config does not keep as
//! given has a note naming its key. The cases of issue 19, then the property over random
//! links (a seeded loop with the project's own RNG).
use super::tests_random::random_config;
use super::*;
use crate::core::rng::Pcg32;

fn notes_of(hash: &str) -> (ExperimentConfig, Vec<String>) {
    ExperimentConfig::from_hash(hash)
}

fn has(notes: &[String], part: &str) -> bool {
    notes.iter().any(|n| n.contains(part))
}

#[test]
fn plain_points_outside_the_plot_or_its_labels_are_moved_with_a_note() {
    let (cfg, notes) = notes_of("points=100,100,0;-1e308,5,1;3,3,99;3,3,-5;3,3,1.5");
    assert_eq!(cfg.points.as_ref().map(Vec::len), Some(5));
    assert!(
        has(
            &notes,
            "points: 5 points were outside the plot or its labels"
        ),
        "{notes:?}"
    );
    let (_, notes) = notes_of("points=1.234,2,0;1,2,1");
    assert_eq!(
        notes,
        ["points: 1 point was rounded to the link's precision (0.01)."]
    );
    let (_, notes) = notes_of("points=1.23,2,0;1,2,1");
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn a_compact_form_cut_short_keeps_its_whole_points_and_says_so() {
    let (cfg, notes) = notes_of("points=~AU0jTAsCrEBcKwQ8qBPWo0obG6H4mQC0hAlUb2S");
    let n = cfg.points.as_ref().map_or(0, Vec::len);
    assert_eq!(n, 8);
    assert!(has(&notes, "ends part-way through a point"), "{notes:?}");
    assert!(has(&notes, "kept the 8 whole points"), "{notes:?}");
    let whole = encode_compact_points(&cfg.points.unwrap()).unwrap();
    let (_, notes) = notes_of(&format!("points={whole}"));
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn the_decay_is_kept_to_what_its_schedule_uses() {
    let (cfg, notes) = notes_of("lrSchedule=exp&lrDecay=0.9");
    assert_eq!(cfg.lr_decay, 0.5);
    assert_eq!(notes, ["lrDecay: 0.9 is outside 0 to 0.5; used 0.5."]);
    let (cfg, notes) = notes_of("lrDecay=2.5&lrSchedule=step");
    assert_eq!(cfg.lr_decay, 3.0);
    assert_eq!(notes, ["lrDecay: 2.5 was rounded to 3."]);
    let (_, notes) = notes_of("lrSchedule=exp&lrDecay=0.3");
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn rounding_is_reported_as_rounding_and_range_as_range() {
    let (cfg, notes) = notes_of("batchSize=2.5&earlyStopping=2.5&networkShape=1.5,2.5,40");
    assert_eq!((cfg.batch_size, cfg.patience), (3, 3));
    assert_eq!(cfg.network_shape, vec![2, 3, 16]);
    assert_eq!(
        notes,
        [
            "batchSize: 2.5 was rounded to 3.",
            "earlyStopping: 2.5 was rounded to 3.",
            "networkShape: 1.5 was rounded to 2 neurons.",
            "networkShape: 2.5 was rounded to 3 neurons.",
            "networkShape: 40 is outside 1 to 16; used 16 neurons.",
        ]
    );
    let (_, notes) = notes_of("networkShape=0.6");
    assert_eq!(notes, ["networkShape: 0.6 was rounded to 1 neuron."]);
    let (cfg, notes) = notes_of("model=perceptron&weights=1e-7,1,0");
    assert_eq!(cfg.weights, [0.0, 1.0, 0.0]);
    assert_eq!(
        notes,
        ["weights: 1e-7,1,0 was rounded to 6 decimals: 0,1,0."]
    );
}

#[test]
fn a_bad_choice_names_the_value_kept_as_the_link_writes_it() {
    let (_, notes) = notes_of("regDataset=regplane&init=glorot");
    assert_eq!(
        notes,
        [
            "regDataset: 'regplane' is not valid; kept reg-plane.",
            "init: 'glorot' is not valid; kept xavier.",
        ]
    );
}

#[test]
fn weights_that_cannot_train_are_refused_with_the_reason() {
    let huge = encode_params(&[1e308; 25]);
    let (cfg, notes) = notes_of(&format!("networkShape=4,2&params={huge}"));
    assert_eq!(cfg.params, None, "the seed's weights instead");
    assert!(
        has(&notes, "weight 1 is 1e308, beyond ±1000000"),
        "{notes:?}"
    );
    assert!(
        has(
            &notes,
            "params: the link's trained weights could not be used, because weight 1 is 1e308"
        ),
        "{notes:?}"
    );
    assert!(
        has(
            &notes,
            "The network starts from the seed's random weights instead."
        ),
        "{notes:?}"
    );
    let (_, notes) = notes_of("networkShape=4,2&params=AAAA");
    assert!(
        has(
            &notes,
            "because it ends part-way through a weight, as if the link was cut short (3 bytes, where every weight takes 8)."
        ),
        "{notes:?}"
    );
    let (_, notes) = notes_of("networkShape=4,2&params=A*AA");
    assert!(
        has(&notes, "because its text was changed: character 2 ('*') cannot be part of it. The network starts"),
        "{notes:?}"
    );
    let (_, notes) = notes_of(&format!(
        "networkShape=4&params={}",
        encode_params(&[0.5; 25])
    ));
    assert_eq!(
        notes,
        ["params: the link has 25 trained weights for a network that needs 17. The network starts from the seed's random weights instead."]
    );
}

#[test]
fn a_decay_without_its_schedule_is_said_to_do_nothing() {
    let (cfg, notes) = notes_of("lrDecay=0.9");
    assert_eq!((cfg.lr_schedule, cfg.lr_decay), (LrSchedule::Constant, 0.9));
    assert_eq!(
        notes,
        ["lrDecay: 0.9 has no effect while the learning rate is constant (the default schedule); add lrSchedule=exp (a decay of 0 to 0.5 per epoch) or lrSchedule=step (halve every N epochs) to use it."]
    );
    // The app's own links name the schedule; the short form (the QR code's) does too.
    let chosen = ExperimentConfig {
        lr_decay: 0.9,
        ..ExperimentConfig::default()
    };
    for hash in [chosen.to_hash(), chosen.to_short_hash()] {
        let (back, notes) = notes_of(&hash);
        assert!(notes.is_empty(), "{notes:?} for {hash}");
        assert_eq!(back, chosen);
    }
    let (_, notes) = notes_of("lrDecay=0.01");
    assert!(notes.is_empty(), "the default decay: {notes:?}");
}

/// Values that are off in one way or another, for any key.
const ODD: [&str; 24] = [
    "2.5",
    "-1",
    "0.9",
    "1e308",
    "-1e308",
    "1e-7",
    "0",
    "1",
    "50",
    "99999",
    "abc",
    "1.5,2.5",
    "3,3,3,3,3,3,3,3,3",
    "regplane",
    "reg-plane",
    "exp",
    "step",
    "true",
    "max",
    "0.3",
    "6",
    "1.234567891",
    "-0.5,20,1e-9",
    "tf",
];

/// Plain points, some outside the plot, off the grid or with labels that are not allowed.
fn odd_points(rng: &mut Pcg32) -> String {
    let v = [
        "0", "1", "2", "5", "-6", "6.5", "1.234", "99", "-5", "1.5", "-1e308", "3",
    ];
    let pick = |rng: &mut Pcg32| v[rng.below(v.len() as u32) as usize];
    let n = 1 + rng.below(6);
    let points: Vec<String> = (0..n)
        .map(|_| format!("{},{},{}", pick(rng), pick(rng), pick(rng)))
        .collect();
    points.join(";")
}

/// Whether two link values say the same: equal text, a flag's `1`/`0` for `true`/`false`, or
/// equal numbers in the same list.
fn same_value(given: &str, kept: &str) -> bool {
    if matches!((given, kept), ("1", "true") | ("0", "false")) {
        return true;
    }
    let numbers = |s: &str| -> Option<Vec<f64>> {
        s.split(',').map(|v| v.trim().parse::<f64>().ok()).collect()
    };
    given == kept || numbers(given).is_some_and(|g| numbers(kept) == Some(g))
}

/// Keys whose value is read, not kept: any text is a seed (hashed), and `initZero` gives way to
/// the `init` key after it.
const MAPPED: [&str; 2] = ["seed", "initZero"];

#[test]
fn for_random_links_every_value_changed_by_parsing_has_a_note() {
    let mut rng = Pcg32::new(19, 4);
    for case in 0..400 {
        let cfg = random_config(&mut rng);
        let mut pairs: Vec<(String, String)> = cfg
            .to_hash()
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(pairs.len() as u32) as usize;
            pairs[i].1 = ODD[rng.below(ODD.len() as u32) as usize].to_string();
        }
        if rng.below(3) == 0 {
            pairs.retain(|(k, _)| k != "points");
            pairs.push(("points".into(), odd_points(&mut rng)));
        }
        let link: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let link = link.join("&");
        let (parsed, notes) = ExperimentConfig::from_hash(&link);
        let kept: std::collections::HashMap<_, _> = parsed.hash_pairs().into_iter().collect();
        for (key, given) in &pairs {
            let Some(now) = kept.get(key.as_str()) else {
                continue;
            };
            if MAPPED.contains(&key.as_str()) || same_value(given, now) {
                continue;
            }
            let prefix = format!("{key}:");
            assert!(
                notes.iter().any(|n| n.starts_with(&prefix)),
                "case {case}: {key}={given} became {now} without a note\n{link}\n{notes:?}"
            );
        }
        if let Some((_, given)) = pairs.iter().find(|(k, _)| k == "points") {
            let read = match given.strip_prefix('~') {
                Some(compact) => decode_compact_points(compact).ok().map(|(p, _)| p),
                None => Some(parse_points(given, &mut Vec::new())),
            };
            if read != parsed.points {
                assert!(
                    notes.iter().any(|n| n.starts_with("points:")),
                    "case {case}: the points changed without a note\n{link}\n{notes:?}"
                );
            }
        }
    }
}
