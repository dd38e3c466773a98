//! The status line's rules: what is announced, and how long each message stays.
use super::*;

fn training() -> Facts {
    Facts {
        epoch: 40,
        n_train: 100,
        ..Facts::default()
    }
}

#[test]
fn a_field_note_goes_when_that_field_takes_a_good_value() {
    let bad = Status::field_note("Batch size", "Batch size: 'x' is not a number …");
    assert_eq!(
        bad.clone().field_fixed("Learning rate"),
        bad,
        "another field"
    );
    assert_eq!(bad.clone().field_fixed("Batch size"), Status::default());
    let note = Status::note("Imported 3 points.");
    assert_eq!(
        note.clone().field_fixed("Batch size"),
        note,
        "not the field's"
    );
    assert!(bad.still_true(&training(), false));
}

#[test]
fn a_divergence_is_announced_once_and_goes_when_it_ends() {
    let before = training();
    let now = Facts {
        diverged: true,
        ..before
    };
    let shown = Status::default().settle(&before, &now, false, 0.0);
    assert_eq!(shown, Status::diverged());
    let note = Status::note("Learning rate must be between …");
    assert_eq!(
        note.clone().settle(&now, &now, false, 0.0),
        note,
        "a later note is not overwritten while still diverged"
    );
    assert_eq!(shown.clone().settle(&now, &now, false, 0.0), shown);
    assert_eq!(
        shown.settle(&now, &training(), false, 0.0),
        Status::default(),
        "gone once training gets past it"
    );
}

#[test]
fn a_new_run_clears_every_message() {
    let now = training();
    for status in [
        Status::note("Your 12 points are kept"),
        Status::diverged(),
        Status::early_stopped(80, 50),
    ] {
        assert!(status.still_true(&now, false) == (status.cause == Cause::Note));
        assert_eq!(status.settle(&now, &now, true, 0.0), Status::default());
    }
    let still_diverged = Facts {
        diverged: true,
        ..now
    };
    assert_eq!(
        Status::note("x").settle(&still_diverged, &still_diverged, true, 0.0),
        Status::diverged(),
        "a rebuilt run that diverges at once says so"
    );
}

#[test]
fn early_stopping_is_announced_and_lasts_while_the_run_is_stopped() {
    let before = training();
    let stopped = Facts {
        stopped_at: Some(80),
        best_epoch: Some(50),
        ..before
    };
    let shown = Status::note("hello").settle(&before, &stopped, false, 0.0);
    assert_eq!(shown, Status::early_stopped(80, 50));
    assert!(shown.text.starts_with("Early stopping at epoch 80"));
    assert_eq!(shown.clone().settle(&stopped, &stopped, false, 0.0), shown);
    let patience_changed = Facts {
        stopped_at: None,
        ..stopped
    };
    assert_eq!(
        shown.settle(&stopped, &patience_changed, false, 0.0),
        Status::default()
    );
    let ended = Status::why_stopped(&stopped, 0).expect("a reason");
    assert_eq!(ended.text, RUN_ENDED);
}

#[test]
fn the_perceptron_messages_follow_its_misclassified_points() {
    let gave_up = Facts {
        epoch: PERCEPTRON_MAX_EPOCHS,
        misclassified: Some(2),
        ..training()
    };
    let shown = Status::why_stopped(&gave_up, 4000).expect("a reason");
    assert_eq!(shown.cause, Cause::NotSeparable);
    assert!(shown.text.contains("no line separates these classes"));
    assert!(shown.still_true(&gave_up, false));
    let separated = Facts {
        misclassified: Some(0),
        ..gave_up
    };
    assert!(!shown.still_true(&separated, false));
    let running = Facts {
        epoch: 3,
        ..gave_up
    };
    assert_eq!(Status::why_stopped(&running, 7), None, "still training");
    let done = Status::why_stopped(&separated, 7).expect("a reason");
    assert!(done.text.contains("after 7 updates"));
    assert!(done.still_true(&separated, false));
    assert!(
        !done.still_true(&gave_up, false),
        "a new point is misclassified"
    );
}

#[test]
fn no_training_points_lasts_until_there_are_some() {
    let empty = Facts {
        n_train: 0,
        ..training()
    };
    let shown = Status::why_stopped(&empty, 0).expect("a reason");
    assert_eq!(shown.text, NO_TRAINING_POINTS);
    assert_eq!(shown.clone().settle(&empty, &empty, false, 0.0), shown);
    assert_eq!(
        shown.settle(&empty, &training(), false, 0.0),
        Status::default()
    );
    assert_eq!(Status::why_stopped(&training(), 0), None);
}

#[test]
fn a_note_goes_once_training_has_gone_on_for_a_while_after_it() {
    let before = training();
    let later = Facts {
        epoch: before.epoch + 5,
        ..before
    };
    let note = Status::note("Undid the last point edit.").said_at(1000.0);
    let soon = 1000.0 + NOTE_MS / 2.0;
    assert_eq!(note.clone().settle(&before, &later, false, soon), note);
    let late = 1000.0 + NOTE_MS;
    assert_eq!(
        note.clone().settle(&before, &before, false, late),
        note,
        "paused: the note stays"
    );
    assert_eq!(
        note.settle(&before, &later, false, late),
        Status::default(),
        "training went on: the note goes"
    );
    let diverged = Facts {
        diverged: true,
        ..later
    };
    let shown = Status::diverged().said_at(0.0);
    assert_eq!(
        shown.clone().settle(&diverged, &diverged, false, late),
        shown,
        "a message about the trainer's state stays as long as the state"
    );
}

#[test]
fn a_divergence_soon_after_large_shared_weights_blames_them() {
    let loaded = |largest: f64, epoch: u64| Facts {
        epoch,
        diverged: true,
        shared_start: Some(largest),
        ..training()
    };
    let blamed = loaded(1e5, 1);
    assert!(blamed.weights_to_blame());
    let shown = Status::default().settle(&training(), &blamed, false, 0.0);
    assert_eq!(shown.cause, Cause::Diverged);
    assert_eq!(
        shown.text,
        "The loaded weights are too large to train: the largest is 100000, and training diverged at epoch 1 (the loss became infinite or NaN). Press Reset to go back to the seed's weights."
    );
    assert!(!shown.text.contains("learning rate"));
    assert_eq!(Status::why_stopped(&blamed, 0), Some(shown.clone()));
    assert!(shown.still_true(&blamed, false));
    assert!(!shown.still_true(&training(), true), "Reset clears it");
    // At the edges of the rule: the learning rate is blamed.
    let edge = loaded(LARGE_SHARED_WEIGHT, WEIGHTS_BLAMED_EPOCHS);
    assert!(edge.weights_to_blame(), "100 and epoch 10 are still blamed");
    for facts in [
        loaded(LARGE_SHARED_WEIGHT * 0.99, 1),
        loaded(1e5, WEIGHTS_BLAMED_EPOCHS + 1),
        Facts {
            shared_start: None,
            ..blamed
        },
        Facts {
            diverged: false,
            ..blamed
        },
    ] {
        assert!(!facts.weights_to_blame(), "{facts:?}");
    }
    let later = Status::diverged_for(&loaded(1e5, 40));
    assert_eq!(later, Status::diverged());
    assert!(later.text.contains("Lower the learning rate"));
    // A link that opens already diverged (epoch 0) blames the weights at once.
    let at_once =
        Status::note("From the link: …").settle(&loaded(1e6, 0), &loaded(1e6, 0), true, 0.0);
    assert!(
        at_once.text.contains("the largest is 1000000"),
        "{at_once:?}"
    );
    assert!(at_once.text.contains("at epoch 0"));
}
