use super::*;

fn kept(key: &str, saved_ms: f64, hash: &str) -> Kept {
    Kept {
        key: format!("{KEY_PREFIX}{key}"),
        saved_ms,
        hash: hash.into(),
    }
}

#[test]
fn an_entry_reads_back_and_damaged_or_foreign_ones_are_skipped() {
    let key = format!("{KEY_PREFIX}tab1");
    let text = Kept::text(1_700_000_000_123.4, "points=1,1,0;2,2,1");
    assert_eq!(
        Kept::read(&key, &text),
        Some(kept("tab1", 1_700_000_000_123.0, "points=1,1,0;2,2,1"))
    );
    // A hash may hold '|' itself: only the first one ends the time.
    assert_eq!(
        Kept::read(&key, "5|a=1|2").map(|k| k.hash),
        Some("a=1|2".into())
    );
    assert_eq!(Kept::read(&key, "no time here"), None);
    assert_eq!(Kept::read(&key, "NaN|seed=1"), None);
    assert_eq!(Kept::read(&key, "-5|seed=1"), None);
    assert_eq!(Kept::read(&key, "5|  "), None);
    assert_eq!(Kept::read(KEY_PREFIX, "5|seed=1"), None, "no tab id");
    assert_eq!(Kept::read("nn-playground/theme", "5|dark"), None);
    // The one experiment that earlier versions kept: the hash alone, the oldest of all.
    assert_eq!(
        Kept::read(LEGACY_KEY, "seed=3"),
        Some(Kept {
            key: LEGACY_KEY.into(),
            saved_ms: 0.0,
            hash: "seed=3".into()
        })
    );
}

#[test]
fn the_last_five_different_experiments_are_kept_newest_first() {
    let all: Vec<Kept> = (0..8)
        .map(|i| {
            kept(
                &format!("t{i}"),
                1000.0 * f64::from(i),
                &format!("seed={i}"),
            )
        })
        .collect();
    let recent_keys: Vec<String> = recent(all.clone()).into_iter().map(|k| k.key).collect();
    let want: Vec<String> = (3..8).rev().map(|i| format!("{KEY_PREFIX}t{i}")).collect();
    assert_eq!(recent_keys, want);
    // The tab's own key stays even when it is the oldest.
    let own = format!("{KEY_PREFIX}t0");
    let removed = to_remove(&all, &own);
    assert_eq!(
        removed,
        [1, 2].map(|i| format!("{KEY_PREFIX}t{i}")).to_vec(),
        "the own key is never removed"
    );
}

#[test]
fn of_two_tabs_with_the_same_experiment_the_older_copy_goes() {
    let all = vec![
        kept("a", 10.0, "points=1,1,0"),
        kept("b", 20.0, "points=1,1,0"),
        kept("c", 15.0, "points=2,2,1"),
        Kept {
            key: LEGACY_KEY.into(),
            saved_ms: 0.0,
            hash: "seed=1".into(),
        },
    ];
    let recent = recent(all.clone());
    assert_eq!(
        recent.iter().map(|k| k.key.as_str()).collect::<Vec<_>>(),
        [
            format!("{KEY_PREFIX}b").as_str(),
            &format!("{KEY_PREFIX}c"),
            LEGACY_KEY
        ]
    );
    assert_eq!(to_remove(&all, "x"), [format!("{KEY_PREFIX}a")]);
    assert!(to_remove(&all, &format!("{KEY_PREFIX}a")).is_empty());
}

#[test]
fn entries_are_described_in_plain_words() {
    let now = 1_000_000_000.0;
    assert_eq!(ago(now - 3000.0, now), "just now");
    assert_eq!(ago(now - 45_000.0, now), "45 seconds ago");
    assert_eq!(ago(now - 3.5 * 60_000.0, now), "3 minutes ago");
    assert_eq!(ago(now - 3.0 * 3_600_000.0, now), "3 hours ago");
    assert_eq!(ago(now - 86_400_000.0 * 2.5, now), "2 days ago");
    assert_eq!(ago(0.0, now), "some time ago");
    assert_eq!(ago(now + 5000.0, now), "just now", "a clock set back");
    let mine = kept("a", now - 180_000.0, "points=1,1,0;2,2,1;3,3,1");
    assert_eq!(
        mine.describe(now),
        "your 3 points (1 of class 0, 2 of class 1) · Neural network · saved 3 minutes ago"
    );
    let regression = kept("r", now, "problem=regression&points=1,1,0.5");
    assert_eq!(
        regression.describe(now),
        "your 1 point · Neural network · saved just now"
    );
    let generated = kept("b", now - 1000.0, "dataset=xor");
    assert_eq!(
        generated.describe(now),
        "XOR data · Neural network · saved just now"
    );
}

#[test]
fn a_restore_says_which_experiment_came_back_and_from_when() {
    let now = 1_000_000_000.0;
    assert_eq!(
        restored_note("points=1,1,0", true, now, now),
        "Restored this tab's latest experiment (your 1 point)."
    );
    assert_eq!(
        restored_note("points=1,1,0;2,2,1", false, now - 125_000.0, now),
        "Restored the experiment this browser saved most recently, 2 minutes ago (your 2 points)."
    );
    assert_eq!(
        restored_other_note("dataset=xor", now - 3_600_000.0, now),
        "Restored the experiment saved 60 minutes ago (XOR data)."
    );
}
