//! The shipped lessons: every file parses, every preset is a clean link, no card opens already
//! "seen", and every card's check can be reached by doing what the card asks.
use nn_playground::core::config::ExperimentConfig;
use nn_playground::core::dataset::Point;
use nn_playground::core::hidden_space::HiddenSpace;
use nn_playground::core::lesson::{self, shipped, Card, Quantity, Verdict};
use nn_playground::core::pointer::Pointer;
use nn_playground::core::trainer::{best_restart, Trainer};

/// The notes the link parser gives for a card's preset, minus those about the `needs:` pairs
/// (features a build may not have yet; no shipped card has one now).
fn unexpected_notes(card: &Card) -> Vec<String> {
    let (_, notes) = ExperimentConfig::from_hash(&card.preset);
    notes
        .into_iter()
        .filter(|n| {
            !card.needs.iter().any(|(k, v)| {
                n.starts_with(&format!("{k}: '{v}'"))
                    || *n == format!("Ignored the unknown link key '{k}'.")
            })
        })
        .collect()
}

fn card(id: &str, n: usize) -> &'static Card {
    let library = shipped();
    let lesson = library.find(id).unwrap_or_else(|| panic!("no lesson {id}"));
    &library.lessons[lesson].cards[n - 1]
}

/// The check's verdict on the trainer's current state, as the app evaluates it.
fn seen(card: &Card, trainer: &mut Trainer) -> bool {
    let (snapshot, config) = (trainer.snapshot(), trainer.config().clone());
    card.is_seen(&snapshot, &config, &mut || trainer.gradient_check())
}

/// Trains up to `epochs` (perceptron mode: steps) in chunks, as Play does, and returns the
/// first count at which the check holds.
fn reach(card: &Card, trainer: &mut Trainer, epochs: u32) -> Option<u32> {
    let mut done = 0;
    loop {
        if seen(card, trainer) {
            return Some(done);
        }
        if done >= epochs {
            return None;
        }
        trainer.step(10.min(epochs - done));
        done += 10.min(epochs - done);
    }
}

/// The card's preset with the student's action: extra link keys applied on top.
fn with_action(card: &Card, action: &str) -> ExperimentConfig {
    let hash = [card.preset.as_str(), action].join("&");
    ExperimentConfig::from_hash(&hash).0
}

#[test]
fn every_shipped_lesson_parses() {
    let library = shipped();
    let errors: Vec<String> = library.errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        library.lessons.len() >= 14,
        "{} lessons",
        library.lessons.len()
    );
    for (i, l) in library.lessons.iter().enumerate() {
        assert_eq!(library.find(&l.id), Some(i), "duplicate id {}", l.id);
        assert!(
            l.id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}: ids must be link-safe",
            l.id
        );
        for c in &l.cards {
            assert!(!c.text.is_empty(), "{} / {}: no text", l.id, c.title);
            assert!(c
                .check
                .quantities()
                .iter()
                .all(|q| Quantity::ALL.contains(q)));
        }
    }
}

#[test]
fn every_preset_is_a_clean_link() {
    for l in &shipped().lessons {
        for c in &l.cards {
            let notes = unexpected_notes(c);
            assert!(notes.is_empty(), "{} line {}: {notes:?}", l.id, c.line);
            let (_, link, _) = lesson::link::split_hash(&c.preset);
            assert!(link.is_none(), "{}: a preset holds no lesson keys", l.id);
            for (k, v) in &c.needs {
                assert!(
                    c.preset.split('&').any(|p| p == format!("{k}={v}")),
                    "{} line {}: needs {k}={v}, which the preset does not use",
                    l.id,
                    c.line
                );
            }
        }
    }
}

#[test]
fn no_card_opens_already_seen() {
    for l in &shipped().lessons {
        for c in l.cards.iter().filter(|c| c.needs.is_empty()) {
            let mut trainer = Trainer::new(ExperimentConfig::from_hash(&c.preset).0);
            assert!(
                !seen(c, &mut trainer),
                "{} / {}: seen at once",
                l.id,
                c.title
            );
        }
    }
}

/// `(lesson, card, the student's action as link keys, epochs to try, whether the check needs
/// the action)`. The two cards below that need a button (restarts) or the brush are tested on
/// their own.
const WALKTHROUGH: &[(&str, usize, &str, u32, bool)] = &[
    ("perceptron-trick", 1, "", 1, false),
    ("perceptron-trick", 2, "", 10, false),
    ("perceptron-trick", 3, "", 200, false),
    ("perceptron-trick", 4, "", 1000, false),
    ("perceptron-trick", 5, "", 100, false),
    ("perceptron-trick", 6, "weights=2,1,-18", 0, true),
    ("logic-gates", 1, "weights=1,1,-1.5", 0, true),
    ("logic-gates", 2, "weights=1,1,-0.5", 0, true),
    ("logic-gates", 3, "", 100, false),
    ("logic-gates", 4, "", 1000, false),
    ("logic-gates", 5, "", 300, false),
    ("feature-maps", 1, "", 100, false),
    ("feature-maps", 2, "xSquared=true&ySquared=true", 100, true),
    ("feature-maps", 3, "xTimesY=true", 100, true),
    ("feature-maps", 4, "", 300, false),
    ("hidden-features", 1, "", 300, false),
    ("hidden-features", 2, "", 300, false),
    ("hidden-features", 3, "", 3000, false),
    ("hidden-features", 4, "activation=tanh", 300, true),
    ("activations", 1, "", 200, false),
    ("activations", 2, "activation=relu", 300, true),
    ("activations", 3, "", 300, false),
    ("activations", 4, "activation=leakyrelu", 300, true),
    ("activations", 4, "activation=elu", 300, true),
    ("softmax", 1, "", 100, false),
    ("softmax", 2, "", 100, false),
    ("line-descent", 1, "", 100, false),
    ("line-descent", 2, "", 100, false),
    ("line-descent", 3, "learningRate=0.01", 300, true),
    ("line-descent", 4, "", 100, false),
    ("batch-sizes", 1, "", 20, false),
    ("batch-sizes", 2, "batchSize=50", 20, true),
    ("batch-sizes", 3, "batchSize=1", 20, true),
    ("numerical-gradients", 1, "", 100, false),
    ("numerical-gradients", 2, "epsilon=1", 0, true),
    ("numerical-gradients", 3, "", 1000, false),
    ("learning-rate", 1, "learningRate=0.1", 300, true),
    ("learning-rate", 2, "learningRate=1", 100, true),
    ("learning-rate", 3, "optimizer=momentum", 300, true),
    ("learning-rate", 4, "optimizer=adam", 300, true),
    ("learning-rate", 5, "", 300, false),
    ("local-minima", 1, "", 300, false),
    ("local-minima", 3, "", 300, false),
    ("local-minima", 4, "optimizer=momentum", 300, true),
    ("overfitting", 1, "", 200, false),
    ("overfitting", 2, "", 300, false),
    ("overfitting", 3, "", 1000, false),
    ("overfitting", 4, "regularizationRate=0.01", 500, true),
    ("overfitting", 5, "regularizationRate=0.01", 500, true),
    ("overfitting", 6, "dropout=0.2", 500, true),
    ("normalizing", 1, "", 100, false),
    ("normalizing", 2, "", 100, false),
    ("normalizing", 3, "standardize=true", 100, true),
    ("curve-fitting", 1, "", 300, false),
    ("curve-fitting", 2, "", 300, false),
    ("curve-fitting", 3, "sinX=true", 300, true),
    ("curve-fitting", 4, "", 500, false),
    ("curve-fitting", 5, "", 1000, false),
    ("adaline", 1, "", 1, false),
    ("adaline", 2, "", 300, false),
    ("adaline", 3, "", 300, false),
    ("adaline", 4, "", 1000, false),
    ("backpropagation", 1, "", 10, false),
    ("backpropagation", 2, "", 10, false),
    ("backpropagation", 3, "", 1, false),
    ("backpropagation", 4, "", 500, false),
    ("digits", 1, "", 100, false),
    ("digits", 2, "", 200, false),
    ("digits", 3, "", 300, false),
    ("digits", 4, "", 100, false),
];

#[test]
fn every_card_can_be_seen_by_doing_what_it_asks() {
    for &(id, n, action, epochs, needs_action) in WALKTHROUGH {
        let c = card(id, n);
        let mut trainer = Trainer::new(with_action(c, action));
        assert!(
            reach(c, &mut trainer, epochs).is_some(),
            "{id} card {n}: '{}' not seen after {epochs} epochs with '{action}'",
            c.check.source()
        );
        if needs_action {
            let mut idle = Trainer::new(with_action(c, ""));
            assert!(
                reach(c, &mut idle, epochs).is_none(),
                "{id} card {n}: seen without doing '{action}'"
            );
        }
    }
}

#[test]
fn random_restarts_escape_the_local_minimum() {
    let c = card("local-minima", 2);
    let mut trainer = Trainer::new(with_action(c, ""));
    assert!(!seen(c, &mut trainer));
    // What "Train the starts, keep the best" does with its defaults: 10 starts, 200 epochs.
    let best = best_restart(&trainer.random_restarts(10, 200)).expect("some start");
    let mut kept = Trainer::new(with_action(c, &format!("restart={best}")));
    kept.step(200);
    assert!(seen(c, &mut kept), "restart {best} is not good enough");
}

#[test]
fn a_drawn_class_of_its_own_is_learned() {
    let c = card("softmax", 3);
    let start = Trainer::new(with_action(c, ""));
    let mut points: Vec<Point> = start.points().to_vec();
    points.extend((0..6).map(|i| Point::new(-5.0 + 0.2 * f64::from(i), 5.0, 3.0)));
    let mut cfg = start.config().clone();
    cfg.points = Some(points);
    let mut trainer = Trainer::new(cfg);
    assert!(reach(c, &mut trainer, 300).is_some());
}

#[test]
fn the_readme_names_every_quantity() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    for q in Quantity::ALL {
        let name = format!("`{}`", q.name());
        assert!(readme.contains(&name), "README.md does not name {name}");
    }
}

#[test]
fn every_cards_goal_reads_as_words() {
    for lesson in &shipped().lessons {
        for card in &lesson.cards {
            let goal = card.check.goal();
            let at = format!("{} / {}: {goal}", lesson.id, card.title);
            assert!(goal.ends_with('.') && goal.len() > 12, "{at}");
            assert!(goal.starts_with(|c: char| c.is_uppercase()), "{at}");
            let operators = ['<', '>', '=', '≥', '≤', '≠', '+', '*', '/', '_', '(', ')'];
            assert!(!goal.contains(operators), "{at}");
            // Raw names: `train_loss` (caught by `_` above), `misclassified`, `adam`, `diverged`…
            let english = [
                "epoch", "dropout", "momentum", "restart", "classes", "points", "noise",
            ];
            for q in card.check.quantities() {
                let raw = goal.split([' ', ',', '.']).any(|w| w == q.name());
                assert!(!raw || english.contains(&q.name()), "{} in {at}", q.name());
            }
            for word in ["not", "or", "epoch"] {
                assert!(!goal.ends_with(&format!(" {word}.")), "{at}");
            }
            let percents = goal.matches('%').count();
            let numbered = goal
                .match_indices('%')
                .filter(|(i, _)| goal[..*i].ends_with(|c: char| c.is_ascii_digit()))
                .count();
            assert_eq!(percents, numbered, "a % only after a number: {at}");
        }
    }
}

#[test]
fn no_preset_sets_the_view() {
    use nn_playground::core::config::split_view_keys;
    for lesson in &shipped().lessons {
        for card in &lesson.cards {
            let (_, view) = split_view_keys(card.preset.trim_start_matches('#'));
            assert!(view.is_empty(), "{} / {}: {view}", lesson.id, card.title);
        }
    }
}

/// Issue 17: on the spiral card, "✓ Seen it" (test accuracy ≥ 90 %) showed while the
/// readouts said 70.8–86.7 %: the check latched once the accuracy touched 90 % and the
/// accuracy fell back. Now the card says "✓ Seen it" only on a frame whose readouts pass, and
/// "✓ Seen at epoch N (not now)" after. Frames of 20 epochs, as the card's speed plays them.
#[test]
fn seen_it_shows_only_while_the_readouts_pass() {
    let c = card("hidden-features", 3);
    let mut trainer = Trainer::new(with_action(c, ""));
    let (mut verdict, mut fell_back) = (None, 0);
    for _ in 0..150 {
        trainer.step(20);
        let holds = seen(c, &mut trainer);
        let epoch = trainer.epoch();
        let v = Verdict::next(verdict, holds, epoch, false);
        let accuracy = trainer.metrics().test_accuracy.expect("test points") * 100.0;
        if v.label() == "✓ Seen it" {
            assert!(accuracy >= 90.0, "epoch {epoch}: seen at {accuracy:.1} %");
        } else {
            assert!(accuracy < 90.0, "epoch {epoch}: {accuracy:.1} % not seen");
        }
        fell_back += usize::from(matches!(v, Verdict::Held { .. }));
        verdict = Some(v);
    }
    assert!(verdict.is_some_and(Verdict::seen_now), "never reached 90 %");
    // The case: frames below 90 % after reaching it, where a latch said "Seen it".
    assert!(
        fell_back > 0,
        "the accuracy never fell back: the test shows nothing"
    );
}

/// Every text of a lesson as the student reads it on `pointer`'s device.
fn shown_texts(pointer: Pointer) -> Vec<String> {
    let mut texts = Vec::new();
    for l in &shipped().lessons {
        texts.push(pointer.fill(&l.title));
        texts.extend(l.intro.iter().map(|p| pointer.fill(p)));
        for c in &l.cards {
            texts.push(pointer.fill(&c.title));
            texts.extend(c.text.iter().map(|p| pointer.fill(p)));
            texts.push(pointer.fill(&c.try_text));
        }
    }
    texts
}

#[test]
fn lesson_texts_speak_of_taps_on_a_touch_screen_and_clicks_with_a_mouse() {
    let touch = shown_texts(Pointer::Touch);
    for text in &touch {
        let lower = text.to_lowercase();
        for word in ["click", "hover", "mouse", "ctrl+", "right-click"] {
            assert!(!lower.contains(word), "a phone reads {word:?} in {text:?}");
        }
        assert!(!text.contains('{'), "an unknown placeholder in {text:?}");
    }
    assert!(
        touch.iter().any(|t| t.contains("tap a few points")),
        "the softmax card says tap"
    );
    let mouse = shown_texts(Pointer::Mouse);
    assert!(mouse.iter().any(|t| t.contains("click a few points")));
    assert!(mouse.iter().all(|t| !t.to_lowercase().contains(" tap ")));
}

#[test]
fn the_notes_relu_network_classifies_xor_by_hand() {
    let c = card("backpropagation", 3);
    let mut trainer = Trainer::new(with_action(c, ""));
    assert_eq!(
        trainer.net().params,
        [1.0, 1.0, 1.0, 1.0, 0.0, -1.0, 4.0, -8.0, -2.0]
    );
    // h₁ = ReLU(x₁ + x₂), h₂ = ReLU(x₁ + x₂ − 1); ŷ = σ(4h₁ − 8h₂ − 2) = σ(±2).
    let corners = [
        (0.0, 0.0, 0.0),
        (0.0, 1.0, 1.0),
        (1.0, 0.0, 1.0),
        (1.0, 1.0, 0.0),
    ];
    let sigma2 = 1.0 / (1.0 + (-2.0f64).exp());
    let mut net = trainer.net().clone();
    for (x1, x2, label) in corners {
        let y = net.forward(&[x1, x2])[0];
        let want = if label == 1.0 { sigma2 } else { 1.0 - sigma2 };
        assert!((y - want).abs() < 1e-12, "({x1}, {x2}): {y}");
    }
    let snapshot = trainer.snapshot();
    assert_eq!(snapshot.points.len(), 4);
    // The hidden space: the corners the notes' hidden layer puts the points on.
    let space = HiddenSpace::of(&snapshot, 0, (0, 1));
    let seen: Vec<(f64, f64, f64)> = space.points.iter().map(|p| (p.u, p.v, p.label)).collect();
    let mut want = vec![
        (0.0, 0.0, 0.0),
        (1.0, 0.0, 1.0),
        (1.0, 0.0, 1.0),
        (2.0, 1.0, 0.0),
    ];
    let mut got = seen.clone();
    let key = |p: &(f64, f64, f64)| (p.0 * 10.0 + p.1) as i64;
    got.sort_by_key(key);
    want.sort_by_key(key);
    assert_eq!(got, want, "{seen:?}");
    assert_eq!(space.separated(), Some(1.0), "one line splits them there");
    let m = &snapshot.metrics;
    assert_eq!(m.n_train + m.n_test, 4);
    // Classified 100 %, and still after the card's Step.
    for _ in 0..2 {
        let m = trainer.snapshot().metrics;
        for acc in [m.train_accuracy, m.test_accuracy].into_iter().flatten() {
            assert_eq!(acc, 1.0);
        }
        trainer.step(1);
    }
}

/// The training loss after each 100 epochs, `rounds` times.
fn losses(trainer: &mut Trainer, rounds: usize) -> Vec<f64> {
    (0..rounds)
        .map(|_| {
            trainer.step(100);
            trainer
                .snapshot()
                .metrics
                .train_loss
                .expect("training points")
        })
        .collect()
}

#[test]
fn momentum_carries_the_cards_start_past_the_local_minimum() {
    let c = card("local-minima", 4);
    // The card's seed, and two more where the story holds. (On other seeds both optimizers
    // find the global minimum, or both stay stuck: "hopefully", as the notes say.)
    for seed in [6, 2, 5] {
        let keys = format!("seed={seed}");
        let mut plain = Trainer::new(with_action(c, &keys));
        let sgd = losses(&mut plain, 20);
        assert!(
            sgd[2..].iter().all(|&l| l > 0.2),
            "seed {seed}: plain descent stays stuck for 2000 epochs: {sgd:?}"
        );
        let spread = sgd[5..].iter().fold(0.0f64, |m, &l| m.max(l))
            - sgd[5..].iter().fold(1.0f64, |m, &l| m.min(l));
        assert!(spread < 0.1, "seed {seed}: and flat: {sgd:?}");
        let mut rolling = Trainer::new(with_action(c, &format!("{keys}&optimizer=momentum")));
        assert_eq!(
            rolling.net().params,
            Trainer::new(with_action(c, &keys)).net().params,
            "the same start"
        );
        let mom = losses(&mut rolling, 3);
        assert!(
            mom.iter().all(|&l| l < 0.05),
            "seed {seed}: momentum gets past: {mom:?}"
        );
    }
}
