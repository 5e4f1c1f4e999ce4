// A short walk through the hall: from the entrance to every stop once (nearest neighbour, then 2-opt).

const distance = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);

/** The length of the walk from `start` through `points` in the given order. */
export function walkLength(start, points) {
  let length = 0;
  let here = start;
  for (const point of points) {
    length += distance(here, point);
    here = point;
  }
  return length;
}

const EXACT_UP_TO = 7; // 7! = 5,040 walks: tried one by one in well under a millisecond or two

function nearestNeighbour(start, points) {
  const left = points.map((_, index) => index);
  const order = [];
  let here = start;
  while (left.length) {
    let best = 0;
    for (let i = 1; i < left.length; i += 1) {
      if (distance(here, points[left[i]]) < distance(here, points[left[best]]) - 1e-9) best = i;
    }
    const [next] = left.splice(best, 1);
    order.push(next);
    here = points[next];
  }
  return order;
}

const lengthOf = (start, points, order) => walkLength(start, order.map((i) => points[i]));

/** Reverse any stretch of the walk while that shortens it (2-opt on an open path). */
function twoOpt(start, points, order) {
  const at = (i) => (i < 0 ? start : points[order[i]]);
  let improved = false;
  for (let i = 0; i < order.length - 1; i += 1) {
    for (let k = i + 1; k < order.length; k += 1) {
      // reversing order[i..k]: the edges (i-1, i) and (k, k+1) become (i-1, k) and (i, k+1)
      const after = k + 1 < order.length ? points[order[k + 1]] : null;
      const before = distance(at(i - 1), at(i)) + (after ? distance(at(k), after) : 0);
      const changed = distance(at(i - 1), at(k)) + (after ? distance(at(i), after) : 0);
      if (changed < before - 1e-9) {
        order.splice(i, k - i + 1, ...order.slice(i, k + 1).reverse());
        improved = true;
      }
    }
  }
  return improved;
}

/** Move a run of one to three stops elsewhere in the walk (either way round) while that shortens it. */
function orOpt(start, points, order) {
  let improved = false;
  for (let run = 1; run <= 3; run += 1) {
    for (let i = 0; i + run <= order.length; i += 1) {
      const current = lengthOf(start, points, order);
      const moved = order.slice(i, i + run);
      const rest = [...order.slice(0, i), ...order.slice(i + run)];
      let best = null;
      for (let j = 0; j <= rest.length; j += 1) {
        for (const piece of [moved, [...moved].reverse()]) {
          const candidate = [...rest.slice(0, j), ...piece, ...rest.slice(j)];
          const length = lengthOf(start, points, candidate);
          if (length < current - 1e-9 && (!best || length < best.length - 1e-9)) best = { candidate, length };
        }
      }
      if (best) {
        order.splice(0, order.length, ...best.candidate);
        improved = true;
      }
    }
  }
  return improved;
}

function* permutations(items) {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i += 1) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i], ...tail];
  }
}

/**
 * The order to visit `points` ({x, y}) starting at `start`, as indices into `points`. A few stops: the
 * shortest walk, tried exhaustively. More: each step to the nearest stop not yet visited (the first of
 * equals, so the same list always gives the same walk), then improved by 2-opt and by moving short runs of
 * stops (Or-opt) until neither shortens it.
 */
export function walkingOrder(start, points) {
  if (points.length <= EXACT_UP_TO) {
    let best = null;
    for (const order of permutations(points.map((_, i) => i))) {
      const length = lengthOf(start, points, order);
      if (!best || length < best.length - 1e-9) best = { order, length };
    }
    return best ? best.order : [];
  }
  const order = nearestNeighbour(start, points);
  for (let pass = 0; pass < 50; pass += 1) {
    const changed = twoOpt(start, points, order);
    if (!orOpt(start, points, order) && !changed) break;
  }
  return order;
}
