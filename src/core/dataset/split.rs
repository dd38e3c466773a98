//! The train/test split. A generated set's points are split one by one, each by a hash of the
//! seed and its index. The user's own points are split per class, so that each class holds out
//! the share the slider asks for: a student who draws 10 points at 50 % gets 5 test points, not
//! whatever 10 coin flips give.
use crate::core::rng::mix;
use std::collections::BTreeMap;

/// Where point `index` falls in the seed's order, in [0, 1): the higher, the sooner it is a
/// test point. Depends on the seed and the index alone.
fn rank(seed: u64, index: usize) -> f64 {
    (mix(seed, index as u64) >> 11) as f64 / (1u64 << 53) as f64
}

/// Whether point `index` is a test point, for a seed and a training share in percent.
/// Decided per point from a hash, so adding a point never moves the others between sets.
pub fn is_test_point(seed: u64, index: usize, perc_train: u32) -> bool {
    rank(seed, index) * 100.0 >= f64::from(perc_train)
}

/// How many of `size` points are test points at the training share `perc_train` (percent;
/// above 100 counts as 100): the test share of `size`, rounded, a half going to training (so a
/// lone point trains at 50 %).
pub fn test_count(size: usize, perc_train: u32) -> usize {
    (size * test_percent(perc_train) + 49) / 100
}

fn test_percent(perc_train: u32) -> usize {
    100 - perc_train.min(100) as usize
}

/// Which points are test points (`true`), for `seed` and the training share `perc_train`
/// (percent), split per class: `classes[i]` is point `i`'s class (one class for all when the
/// points carry values). All together [`test_count`] of the points are test points, and each
/// class holds out its share rounded down or up (the classes whose share lost most to
/// rounding down get one more; equal losses go by the seed). Within a class, the points that
/// rank highest for the seed (the hash [`is_test_point`] uses) are its test points. The same
/// for a seed; adding a point moves at most a few others between the sets.
pub fn stratified_test_mask(seed: u64, perc_train: u32, classes: &[u64]) -> Vec<bool> {
    let mut by_class: BTreeMap<u64, Vec<(f64, usize)>> = BTreeMap::new();
    for (i, &class) in classes.iter().enumerate() {
        by_class.entry(class).or_default().push((rank(seed, i), i));
    }
    let share = test_percent(perc_train);
    // Each class's members, highest rank first (ties, equal hashes, by index), and its test
    // points rounded down.
    let mut groups: Vec<(Vec<(f64, usize)>, usize)> = by_class
        .into_values()
        .map(|mut members| {
            members.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let floor = members.len() * share / 100;
            (members, floor)
        })
        .collect();
    let floors: usize = groups.iter().map(|g| g.1).sum();
    let extra = test_count(classes.len(), perc_train).saturating_sub(floors);
    // The rest go to the classes with the largest remainders, then the highest next rank.
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].1 < groups[g].0.len())
        .collect();
    let key = |g: &(Vec<(f64, usize)>, usize)| (g.0.len() * share % 100, g.0[g.1].0);
    order.sort_by(|&a, &b| {
        let (ka, kb) = (key(&groups[a]), key(&groups[b]));
        kb.0.cmp(&ka.0).then(kb.1.total_cmp(&ka.1))
    });
    for &g in order.iter().take(extra) {
        groups[g].1 += 1;
    }
    let mut mask = vec![false; classes.len()];
    for (members, k) in &groups {
        for &(_, i) in &members[..*k] {
            mask[i] = true;
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tests_in(mask: &[bool], classes: &[u64], class: u64) -> usize {
        mask.iter()
            .zip(classes)
            .filter(|&(&t, &c)| t && c == class)
            .count()
    }

    /// Whether each class holds out its share within 1, and all classes together exactly
    /// [`test_count`].
    fn check_shares(mask: &[bool], classes: &[u64], perc_train: u32) {
        let total = mask.iter().filter(|&&t| t).count();
        assert_eq!(total, test_count(classes.len(), perc_train), "{classes:?}");
        for class in 0..=*classes.iter().max().unwrap_or(&0) {
            let size = classes.iter().filter(|&&c| c == class).count();
            let want = size as f64 * f64::from(100 - perc_train) / 100.0;
            let got = tests_in(mask, classes, class) as f64;
            assert!((got - want).abs() < 1.0, "class {class}: {got} for {want}");
        }
    }

    #[test]
    fn each_class_holds_out_the_sliders_share() {
        // A student's drawn sets at 50 %: 10, 16 and 12 points (the split point by point
        // gave 9, 10 and 8 test points).
        for n in [10, 16, 12, 7, 1] {
            for seed in 0..50 {
                let classes: Vec<u64> = (0..n as u64).map(|i| i % 2).collect();
                let mask = stratified_test_mask(seed, 50, &classes);
                check_shares(&mask, &classes, 50);
                assert_eq!(mask.iter().filter(|&&t| t).count(), n / 2, "{n} {seed}");
            }
        }
        for perc in [0, 10, 30, 70, 80, 90, 100] {
            let classes: Vec<u64> = (0..23).map(|i| i % 3).collect();
            check_shares(&stratified_test_mask(4, perc, &classes), &classes, perc);
        }
        assert!(stratified_test_mask(1, 100, &[0, 1, 1]).iter().all(|&t| !t));
        assert!(stratified_test_mask(1, 0, &[0, 1, 1]).iter().all(|&t| t));
        assert!(stratified_test_mask(1, 50, &[]).is_empty());
    }

    #[test]
    fn the_split_is_the_seeds_and_adding_a_point_moves_few_others() {
        let classes: Vec<u64> = (0..40).map(|i| (i * 7 % 3) as u64).collect();
        let mask = stratified_test_mask(9, 60, &classes);
        assert_eq!(mask, stratified_test_mask(9, 60, &classes));
        assert_ne!(mask, stratified_test_mask(10, 60, &classes));
        let mut rng = crate::core::rng::Pcg32::new(3, 3);
        for _ in 0..1000 {
            let k = 1 + rng.below(5);
            let perc = 10 + 10 * rng.below(9);
            let seed = u64::from(rng.below(1000));
            let n = rng.below(60);
            let mut grown: Vec<u64> = (0..n).map(|_| u64::from(rng.below(k))).collect();
            let before = stratified_test_mask(seed, perc, &grown);
            grown.push(u64::from(rng.below(k)));
            let after = stratified_test_mask(seed, perc, &grown);
            let moved = before.iter().zip(&after).filter(|(a, b)| a != b).count();
            assert!(moved <= 2, "{moved} points moved: {grown:?} at {perc} %");
            check_shares(&after, &grown, perc);
        }
    }

    #[test]
    fn a_generated_sets_points_are_split_one_by_one() {
        let n = 2000;
        let test = (0..n).filter(|&i| is_test_point(5, i, 70)).count();
        assert!((500..700).contains(&test), "{test}");
        assert!((0..n).all(|i| !is_test_point(5, i, 100)));
        assert!((0..n).all(|i| is_test_point(5, i, 0)));
        assert_eq!(is_test_point(5, 17, 50), is_test_point(5, 17, 50));
    }
}
