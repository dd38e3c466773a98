use super::link::{join_hash, split_hash};
use super::*;

const GOOD: &str = "\
// a comment
# Gates

Perceptrons can compute
logic.

Second paragraph.

## AND
preset: #model=perceptron&weights=1,1,0
Type the notes' weights.
try: Type w₁ = 1, w₂ = 1, b = −1.5.
check: misclassified = 0

## XOR
preset: dataset=xor
check: test_accuracy >= 95% and epoch >= 10
try: Press Play.
needs: model=line, dataset=admissions
";

fn values(pairs: &[(Quantity, f64)]) -> impl Fn(Quantity) -> Option<f64> + '_ {
    move |q| pairs.iter().find(|(k, _)| *k == q).map(|(_, v)| *v)
}

fn holds(check: &str, pairs: &[(Quantity, f64)]) -> bool {
    Check::parse(check).expect(check).holds(&values(pairs))
}

#[test]
fn parses_a_lesson() {
    let lesson = parse("02-logic-gates.lesson", GOOD).expect("parses");
    assert_eq!(lesson.id, "logic-gates");
    assert_eq!(lesson.title, "Gates");
    assert_eq!(
        lesson.intro,
        ["Perceptrons can compute logic.", "Second paragraph."]
    );
    assert_eq!(lesson.cards.len(), 2);
    let and = &lesson.cards[0];
    assert_eq!(and.title, "AND");
    assert_eq!(and.preset, "model=perceptron&weights=1,1,0");
    assert_eq!(and.text, ["Type the notes' weights."]);
    assert_eq!(and.try_text, "Type w₁ = 1, w₂ = 1, b = −1.5.");
    assert_eq!(and.check.quantities(), [Quantity::Misclassified]);
    assert_eq!(and.line, 9);
    let xor = &lesson.cards[1];
    assert_eq!(xor.needs.len(), 2);
    assert_eq!(xor.needs[1], ("dataset".into(), "admissions".into()));
    assert_eq!(xor.check.describe(), "test accuracy ≥ 95% and epoch ≥ 10");
}

#[test]
fn errors_name_the_line() {
    let cases: [(&str, usize, &str); 9] = [
        ("", 1, "empty"),
        ("Gates\n## A\n", 1, "title"),
        ("# Gates\nintro\n", 2, "no card"),
        ("# G\n\n# Card\n", 3, "two #"),
        ("# G\n## A\npreset: x=1\ntry: t\n", 2, "no 'check:'"),
        (
            "# G\n## A\npreset: x=1\ntry: t\ncheck: epoch >\n",
            5,
            "ends too soon",
        ),
        ("# G\n## A\npreset: a\npreset: b\n", 4, "second 'preset:'"),
        (
            "# G\n## A\ncheck: tset_loss < 1\n",
            3,
            "unknown quantity 'tset_loss'",
        ),
        ("# G\n## A\nneeds: model\n", 3, "not key=value"),
    ];
    for (text, line, message) in cases {
        let e = parse("x.lesson", text).expect_err(text);
        assert_eq!(e.line, line, "{text:?}: {e}");
        assert!(e.message.contains(message), "{text:?}: {e}");
        assert!(e.to_string().starts_with(&format!("x.lesson line {line}:")));
    }
}

#[test]
fn ids_come_from_file_names() {
    assert_eq!(
        id_from_file_name("01-perceptron-trick.lesson"),
        "perceptron-trick"
    );
    assert_eq!(
        id_from_file_name("src/lessons/13-normalizing.lesson"),
        "normalizing"
    );
    assert_eq!(id_from_file_name("plain.lesson"), "plain");
    assert_eq!(id_from_file_name("42.lesson"), "42");
}

#[test]
fn checks_compare_and_combine() {
    use Quantity::*;
    let v = [
        (Epoch, 300.0),
        (TrainLoss, 0.05),
        (TestLoss, 0.2),
        (TestAccuracy, 95.0),
        (Diverged, 0.0),
        (Misclassified, 0.0),
    ];
    assert!(holds("test_accuracy >= 95%", &v));
    assert!(holds("test_accuracy ≥ 95 and misclassified = 0", &v));
    assert!(!holds("test_accuracy > 95", &v));
    assert!(holds("epoch >= 300 and test_loss > train_loss + 0.1", &v));
    assert!(!holds("epoch >= 300 and test_loss > train_loss * 5", &v));
    assert!(holds("diverged or epoch = 300", &v));
    assert!(holds("not diverged", &v));
    assert!(!holds("diverged", &v));
    assert!(holds("(test_loss - train_loss) / 0.15 == 1", &v));
    assert!(holds("-epoch < -299 and epoch != 301", &v));
    assert!(holds("train_loss < 5e-2 + 1e-6", &v));
    assert!(holds("train_loss + 0.25 = 0.3", &v));
    assert!(holds("train_loss / 1000000000 < 1e-10", &v));
    assert!(holds("epoch > 1 and epoch > 2 or epoch > 1000", &v));
}

#[test]
fn unknown_values_make_comparisons_false() {
    use Quantity::*;
    let v = [(Epoch, 10.0)];
    assert!(!holds("test_loss < 1", &v));
    assert!(!holds("test_loss >= 0", &v));
    assert!(!holds("stopped", &v));
    assert!(holds("epoch >= 10 or test_loss < 1", &v));
    assert!(!holds("epoch / 0 < 1", &v), "10/0 is infinite");
    assert!(!holds("epoch * 0 / 0 = 0", &v), "0/0 is not a number");
}

#[test]
fn bad_checks_are_refused_without_panicking() {
    for bad in [
        "",
        "epoch >",
        "> 3",
        "epoch >= 3 and",
        "and epoch",
        "(epoch > 3",
        "epoch >= 1.2.3",
        "epoch # 3",
        "lr > 1",
        "epoch >= 3)",
        "épochs > 1",
    ] {
        assert!(Check::parse(bad).is_err(), "{bad:?} should be refused");
    }
    let deep = format!("{}epoch{}", "(".repeat(500), ")".repeat(500));
    assert!(Check::parse(&deep).is_err());
    let nots = format!("{}diverged", "not ".repeat(500));
    assert!(Check::parse(&nots).is_err());
    assert!(Check::parse(&"-".repeat(10_000)).is_err());
}

#[test]
fn random_text_never_panics() {
    let mut rng = crate::core::rng::Pcg32::new(7, 1);
    let alphabet: Vec<char> = "epoch_lossand or not()<>=!≥%.0123456789+-*/ \n#:preset:check:try:"
        .chars()
        .collect();
    for _ in 0..3000 {
        let len = rng.below(60) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len() as u32) as usize])
            .collect();
        if let Ok(c) = Check::parse(&text) {
            let _ = c.holds(&|_| Some(1.0));
            let _ = c.describe();
        }
        let _ = parse("fuzz.lesson", &format!("# T\n## C\n{text}"));
    }
}

#[test]
fn lesson_keys_ride_along_with_the_experiment() {
    let (exp, link, notes) = split_hash("#dataset=xor&lesson=logic-gates&card=3&noise=5");
    assert_eq!(exp, "dataset=xor&noise=5");
    let link = link.expect("a lesson");
    assert_eq!((link.lesson.as_str(), link.card), ("logic-gates", 3));
    assert!(notes.is_empty());
    assert_eq!(
        join_hash(&exp, Some(&link)),
        "dataset=xor&noise=5&lesson=logic-gates&card=3"
    );
    assert_eq!(join_hash("", Some(&link)), "lesson=logic-gates&card=3");
    assert_eq!(join_hash(&exp, None), exp);

    let (exp, link, notes) = split_hash("lesson=gates&card=zero");
    assert_eq!((exp.as_str(), link.map(|l| l.card)), ("", Some(1)));
    assert_eq!(notes.len(), 1);
    let (_, link, notes) = split_hash("card=2&x=true");
    assert!(link.is_none());
    assert!(notes[0].contains("needs a lesson"));
    let (_, link, _) = split_hash(&format!("lesson={}", "é".repeat(10_000)));
    assert_eq!(link.map(|l| l.lesson.chars().count()), Some(64));
}

#[test]
fn a_library_resolves_links_with_notes() {
    let library = Library::from_files(&[("01-gates.lesson", GOOD), ("02-bad.lesson", "oops")]);
    assert_eq!(library.lessons.len(), 1);
    assert_eq!(library.errors.len(), 1);
    let link = |lesson: &str, card| LessonLink {
        lesson: lesson.into(),
        card,
    };
    assert_eq!(library.resolve(&link("gates", 2)), (Some((0, 1)), None));
    let (at, note) = library.resolve(&link("gates", 9));
    assert_eq!(at, Some((0, 1)));
    assert!(note.is_some_and(|n| n.contains("2 cards")));
    let (at, note) = library.resolve(&link("<script>", 1));
    assert_eq!(at, None);
    assert!(note.is_some_and(|n| n.contains("no lesson")));
    assert_eq!(library.link(0, 1), Some(link("gates", 2)));
    assert_eq!(library.link(5, 0), None);
}

#[test]
fn a_link_opens_a_card_or_keeps_the_experiment() {
    let library = Library::from_files(&[("01-gates.lesson", GOOD)]);
    let opened = library.open("#lesson=gates&card=2");
    assert_eq!(opened.experiment, "dataset=xor");
    assert_eq!(opened.lesson.map(|l| l.card), Some(2));
    assert!(opened.notes.is_empty());

    let opened = library.open("#noise=5&lesson=gates");
    assert_eq!(
        opened.experiment, "noise=5",
        "a reload keeps the student's experiment"
    );
    assert_eq!(opened.lesson.map(|l| l.card), Some(1));

    let opened = library.open("lesson=nope&card=3");
    assert_eq!((opened.experiment.as_str(), opened.lesson), ("", None));
    assert_eq!(opened.notes.len(), 1);

    let opened = library.open("lesson=gates&card=7");
    assert_eq!(opened.experiment, "dataset=xor");
    assert_eq!(opened.notes.len(), 1, "the card was clamped");
    assert_eq!(library.open("dataset=circle").lesson, None);
}

#[test]
fn a_lesson_link_with_view_keys_opens_the_card_with_that_view() {
    use crate::core::config::ViewState;
    use crate::core::lesson::ViewFrom;
    let library = Library::from_files(&[("01-gates.lesson", GOOD)]);
    let opened = library.open("#lesson=gates&card=2&lecture=true&xTimesY_hide=true&hideText=true");
    assert_eq!(opened.experiment, "dataset=xor", "the card's experiment");
    assert_eq!(opened.lesson.as_ref().map(|l| l.card), Some(2));
    let kept = ViewState::from_hash("boundaryLine=false");
    let (cfg, notes) = opened.config(&kept);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(cfg.dataset.name(), "xor");
    assert!(cfg.lecture && cfg.hide_text && cfg.boundary_line);
    assert!(cfg.hidden.contains("xTimesY"));

    let opened = library.open("lecture=true&lesson=gates&boundaryLine=false");
    assert_eq!(
        opened.experiment, "model=perceptron&weights=1,1,0",
        "card 1's preset"
    );
    assert!(matches!(&opened.view, ViewFrom::Given(v) if v.lecture && !v.boundary_line));

    // A card link with no view keys keeps the page's view.
    let opened = library.open("lesson=gates");
    assert_eq!(opened.view, ViewFrom::Kept);
    let (cfg, _) = opened.config(&kept);
    assert_eq!(cfg.view(), kept);

    // The student's own experiment (a reload) carries its view in its own keys.
    let opened = library.open("noise=5&lecture=true&lesson=gates");
    assert_eq!(opened.experiment, "noise=5&lecture=true");
    assert_eq!(opened.view, ViewFrom::Link);
    assert!(opened.config(&kept).0.lecture);
}
