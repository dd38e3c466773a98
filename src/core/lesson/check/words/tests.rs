//! Checks in words: the sentences for the shipped kinds of check, and any check without a panic.
use crate::core::lesson::Check;

fn words(check: &str) -> String {
    Check::parse(check).expect(check).goal()
}

#[test]
fn checks_read_as_sentences() {
    let cases = [
        (
            "restart > 0 and train_loss < 0.35",
            "Train until the training loss is under 0.35, after at least one restart.",
        ),
        (
            "epoch >= 100 and grad_first < grad_last / 100",
            "After at least 100 epochs, the first layer's mean gradient is under a hundredth of the output layer's mean gradient.",
        ),
        ("test_accuracy >= 95%", "Train until the test accuracy is at least 95%."),
        ("misclassified = 0", "Train until every point is on its right side."),
        (
            "batch_size = 1 and epoch >= 20 and test_accuracy >= 85%",
            "After at least 20 epochs with a batch size of 1, the test accuracy is at least 85%.",
        ),
        ("epoch >= 20", "Train for at least 20 epochs."),
        (
            "batch_size >= 50 and epoch >= 20",
            "Train for at least 20 epochs with a batch size of at least 50.",
        ),
        (
            "diverged or train_loss > start_loss",
            "Train until the training diverges or the training loss is over the starting loss.",
        ),
        (
            "epoch >= 300 and test_loss > train_loss + 0.2",
            "After at least 300 epochs, the test loss is more than 0.2 above the training loss.",
        ),
        (
            "epoch >= 10 and train_loss < start_loss / 2",
            "After at least 10 epochs, the training loss is under half the starting loss.",
        ),
        (
            "epsilon >= 0.5 and grad_check > 0.001",
            "Check the gradients until the largest gap between backpropagation and the numerical gradient is over 0.001, with ε of at least 0.5.",
        ),
        (
            "epoch >= 1000 and misclassified > 0",
            "After at least 1,000 epochs, some points are still on the wrong side.",
        ),
        ("not diverged", "Train until the training does not diverge."),
        ("adam and test_accuracy >= 95%", "Train until the test accuracy is at least 95%, with the Adam optimizer."),
    ];
    for (check, sentence) in cases {
        assert_eq!(words(check), sentence, "{check}");
    }
}

#[test]
fn any_check_gets_words_without_panicking() {
    for check in [
        "-(1) < 2",
        "points",
        "(epoch + 1) * 2 != 3",
        "not (a_b)",
        "x",
    ] {
        if let Ok(c) = Check::parse(check) {
            assert!(c.goal().ends_with('.'), "{check}");
        }
    }
}
