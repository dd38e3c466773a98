use super::*;
use crate::core::activation::Activation;
use crate::core::loss::Output;
use crate::core::mlp::Init;
use crate::core::rng::Pcg32;

fn px(pic: &Picture, x: usize, y: usize) -> Rgb {
    let i = (y * pic.width + x) * 4;
    [pic.rgba[i], pic.rgba[i + 1], pic.rgba[i + 2]]
}

#[test]
fn tiles_sit_in_rows() {
    let t = Tiles {
        cols: 4,
        count: 6,
        w: 10,
        h: 12,
        gap: 2,
    };
    assert_eq!(t.size(), (4 * 12 + 2, 2 * 14 + 2));
    assert_eq!(t.origin(0), (2, 2));
    assert_eq!(t.origin(5), (2 + 12, 2 + 14));
}

#[test]
fn a_digit_is_ink_on_paper() {
    let mut pixels = [0; PIXELS];
    pixels[9] = 16;
    let pic = digit_picture(&pixels, 3);
    assert_eq!((pic.width, pic.height), (24, 24));
    assert_eq!(px(&pic, 0, 0), PAPER);
    assert_eq!(px(&pic, 4, 4), INK, "pixel (1, 1) at scale 3");
}

#[test]
fn weight_images_are_blue_where_positive_and_orange_where_negative() {
    let mut rng = Pcg32::new(1, 1);
    let mut net = Mlp::new(
        PIXELS,
        &[2],
        &[Activation::Tanh],
        Output::Softmax(CLASSES),
        Init::Xavier,
        &mut rng,
    );
    for i in 0..PIXELS {
        let k = net.param_index(0, 0, Some(i));
        net.params[k] = if i < 32 { 1.0 } else { -0.5 };
    }
    let (pic, tiles) = weights_picture(&net, 8, 4);
    assert_eq!(tiles.count, 2);
    let (x, y) = tiles.origin(0);
    assert_eq!(px(&pic, x, y), CLASS_COLORS[1], "top half positive: blue");
    let low = px(&pic, x, y + 31);
    assert_eq!(
        low,
        mix(crate::render::colors::NEUTRAL, CLASS_COLORS[0], 0.5)
    );
    // No hidden layer: no tiles.
    let flat = Mlp::new(
        PIXELS,
        &[],
        &[],
        Output::Softmax(CLASSES),
        Init::Xavier,
        &mut rng,
    );
    assert_eq!(weights_picture(&flat, 8, 4).1.count, 0);
}

#[test]
fn wrong_predictions_are_framed_and_the_confusion_diagonal_is_blue() {
    let d = Digit {
        pixels: [0; PIXELS],
        label: 3,
    };
    let (pic, tiles) = grid_picture(&[(&d, false), (&d, true)], 2, 3);
    let (x0, y0) = tiles.origin(0);
    let (x1, y1) = tiles.origin(1);
    assert_eq!(px(&pic, x0 - 1, y0 - 1), PAPER);
    assert_eq!(px(&pic, x1 - 1, y1 - 1), WRONG);
    let mut confusion = [[0; CLASSES]; CLASSES];
    confusion[2][2] = 9;
    confusion[2][5] = 1;
    let pic = confusion_picture(&confusion, 10);
    assert_eq!(
        px(&pic, 3 * 10 + 5, 3 * 10 + 5),
        mix(PAPER, CLASS_COLORS[1], 0.15 + 0.85 * 0.9)
    );
    assert_eq!(
        px(&pic, 6 * 10 + 5, 3 * 10 + 5),
        mix(PAPER, CLASS_COLORS[0], 0.15 + 0.85 * 0.1)
    );
    assert_eq!(px(&pic, 5 * 10 + 5, 5 * 10 + 5), PAPER, "no images");
}

#[test]
fn the_likeliest_bar_is_blue_and_as_tall_as_its_probability() {
    let mut p = [0.0; CLASSES];
    p[7] = 0.75;
    p[1] = 0.25;
    let pic = bars_picture(Some(&p), 100, 40);
    assert_eq!(px(&pic, 75, 39), CLASS_COLORS[1]);
    assert_eq!(px(&pic, 75, 10), CLASS_COLORS[1]);
    assert_eq!(px(&pic, 75, 9), PAPER);
    assert_ne!(px(&pic, 15, 39), PAPER);
    assert_eq!(px(&pic, 35, 39), PAPER);
    assert_eq!(
        bars_picture(None, 100, 40).rgba,
        Picture::new(100, 40, PAPER).rgba
    );
}

#[test]
fn the_dark_theme_turns_the_pictures_over() {
    let mut pixels = [0; PIXELS];
    pixels[0] = 16;
    let light = digit_picture(&pixels, 1);
    let dark = light.clone().themed(true);
    assert_eq!(light.clone().themed(false), light);
    assert_eq!(px(&dark, 1, 0), crate::render::colors::DARK_PAPER, "paper");
    assert!(
        px(&dark, 0, 0)[0] > 180,
        "ink is light: {:?}",
        px(&dark, 0, 0)
    );
    let label = Label {
        x: 0.0,
        y: 0.0,
        text: "7".into(),
        color: INK,
    };
    assert!(label.themed(true).color[0] > 180);
}

#[test]
fn a_resized_picture_keeps_its_blocks_sharp() {
    let mut pic = Picture::new(4, 2, PAPER);
    pic.rect(0, 0, 2, 2, INK);
    let big = pic.resized(10, 5);
    assert_eq!((big.width, big.height, big.rgba.len()), (10, 5, 200));
    // The left half is ink, the right half paper, with no mixed colour in between.
    for y in 0..5 {
        for x in 0..10 {
            assert_eq!(
                px(&big, x, y),
                if x < 5 { INK } else { PAPER },
                "({x}, {y})"
            );
        }
    }
    assert_eq!(pic.resized(4, 2), pic);
}

#[test]
fn tiles_take_the_columns_that_show_them_largest() {
    let tiles = Tiles {
        cols: 1,
        count: 16,
        w: 10,
        h: 10,
        gap: 0,
    };
    assert_eq!(tiles.best_cols(1600.0, 100.0), 16, "a wide room: one row");
    assert_eq!(tiles.best_cols(100.0, 1600.0), 1, "a tall room: one column");
    assert_eq!(tiles.best_cols(200.0, 200.0), 4, "a square room: 4 × 4");
}
