//! Searches over boxes in page order (the sections' parts): plain functions
//! of a `span(i)` that gives box `i`'s top and bottom in the viewport, so
//! they are tested natively; reading the boxes is the browser's part
//! (see `part_boxes`). Each search reads a few boxes, not all of them,
//! however long the report.

use std::ops::Range;

/// Of `count` boxes in page order (so their bottoms never decrease), the
/// first whose bottom is below `y`, or `count`; `span(i)` gives the top and
/// bottom of box `i`. A binary search.
pub fn first_ending_below(
    count: usize,
    y: f64,
    span: &dyn Fn(usize) -> Option<(f64, f64)>,
) -> Option<usize> {
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = (low + high) / 2;
        if span(middle)?.1 > y {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    Some(low)
}

/// The boxes that overlap the viewport (`0..viewport`); when none does, the
/// empty range where they would be, so that the boxes below come first.
pub fn overlapping(
    count: usize,
    viewport: f64,
    span: &dyn Fn(usize) -> Option<(f64, f64)>,
) -> Option<Range<usize>> {
    let first = first_ending_below(count, 0.0, span)?;
    let mut end = first;
    while end < count && span(end)?.0 < viewport {
        end += 1;
    }
    Some(first..end)
}

/// Of `count` boxes in page order, the one the reader is at: the first that
/// starts between the top of the viewport and `line`, or else the one the
/// top edge cuts through (a long paragraph being read); with its top.
pub fn reading_box(
    count: usize,
    line: f64,
    span: &dyn Fn(usize) -> Option<(f64, f64)>,
) -> Option<(usize, f64)> {
    let cut = first_ending_below(count, 0.0, span)?;
    let (top, _) = span(cut)?;
    if top >= 0.0 || cut + 1 == count {
        return (top < line).then_some((cut, top));
    }
    let (next_top, _) = span(cut + 1)?;
    Some(if next_top >= 0.0 && next_top < line {
        (cut + 1, next_top)
    } else {
        (cut, top)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Boxes 100 px tall with 20 px gaps, the first at `first_top`; counts
    /// how many boxes were read.
    fn page(first_top: f64, reads: &Cell<usize>) -> impl Fn(usize) -> Option<(f64, f64)> + '_ {
        move |i| {
            reads.set(reads.get() + 1);
            let top = first_top + 120.0 * i as f64;
            Some((top, top + 100.0))
        }
    }

    #[test]
    fn the_boxes_on_screen_are_found_with_a_few_reads() {
        let reads = Cell::new(0);
        // Scrolled so that box 500 starts 50 px above the top edge.
        let span = page(-50.0 - 120.0 * 500.0, &reads);
        assert_eq!(overlapping(1000, 740.0, &span), Some(500..507));
        assert!(reads.get() < 25, "{} reads", reads.get());
    }

    #[test]
    fn with_no_box_on_screen_the_range_is_empty_where_they_would_be() {
        let reads = Cell::new(0);
        // The header fills the screen: the first box starts below it.
        assert_eq!(overlapping(10, 740.0, &page(800.0, &reads)), Some(0..0));
        // Past the last box (a footer on screen).
        assert_eq!(overlapping(10, 740.0, &page(-5000.0, &reads)), Some(10..10));
        // In the gap between boxes 3 and 4, which starts at 20 px.
        let span = |i: usize| Some((-460.0 + 120.0 * i as f64, -360.0 + 120.0 * i as f64));
        assert_eq!(overlapping(10, 10.0, &span), Some(4..4));
    }

    #[test]
    fn the_reader_is_at_the_box_starting_near_the_top_or_the_one_cut_by_it() {
        let reads = Cell::new(0);
        // Box 2 starts at 10 px, inside the top quarter: that one.
        assert_eq!(
            reading_box(10, 185.0, &page(-230.0, &reads)),
            Some((2, 10.0))
        );
        // The top edge cuts box 2, and box 3 starts too far down: box 2.
        let long = |i: usize| {
            Some((
                -50.0 + 400.0 * i as f64 - 800.0,
                350.0 + 400.0 * i as f64 - 800.0,
            ))
        };
        assert_eq!(reading_box(10, 185.0, &long), Some((2, -50.0)));
        // The top edge cuts box 2 and box 3 starts in the top quarter: box 3.
        assert_eq!(
            reading_box(10, 185.0, &page(-290.0, &reads)),
            Some((3, 70.0))
        );
        // Nothing near the top (the header above the first box): none.
        assert_eq!(reading_box(10, 185.0, &page(600.0, &reads)), None);
    }
}
