"""A scalar reverse-mode automatic differentiation engine, in a few dozen
lines.

Every Value remembers the Values it was computed from and the local derivative
of itself with respect to each; backward() walks that record from the output
back, multiplying local derivatives by upstream gradients.
"""

import math


# --8<-- [start:engine]
class Value:
    """A number that records how it was made, so gradients can flow back."""

    def __init__(self, data, parents=()):
        self.data = float(data)
        self.grad = 0.0  # dE/d(this value), filled in by backward()
        self.parents = parents  # (parent, d this / d parent) pairs

    def __add__(self, other):
        other = lift(other)
        return Value(self.data + other.data, ((self, 1.0), (other, 1.0)))

    def __mul__(self, other):
        other = lift(other)
        return Value(self.data * other.data,
                     ((self, other.data), (other, self.data)))

    def __pow__(self, k):  # k a plain number
        return Value(self.data ** k, ((self, k * self.data ** (k - 1)),))

    def sigmoid(self):
        s = 1 / (1 + math.exp(-self.data))
        return Value(s, ((self, s * (1 - s)),))

    __radd__, __rmul__ = __add__, __mul__

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + -lift(other)

    def backward(self):
        """Fill in .grad for every Value this one was computed from."""
        order, seen = [], set()

        def visit(value):  # topological order: every value after its parents
            if id(value) not in seen:
                seen.add(id(value))
                for parent, _ in value.parents:
                    visit(parent)
                order.append(value)

        visit(self)
        self.grad = 1.0  # dE/dE
        for value in reversed(order):  # from the output back
            for parent, local in value.parents:
                # local times upstream; the paths add up
                parent.grad += local * value.grad


def lift(x):
    return x if isinstance(x, Value) else Value(x)


def gradients_of(error_of, start):
    """dE/dw for each named number in start: E from Values, then backward()."""
    w = {name: Value(value) for name, value in start.items()}
    error_of(w).backward()
    return {name: value.grad for name, value in w.items()}
# --8<-- [end:engine]


if __name__ == "__main__":
    a, b = Value(2.0), Value(3.0)
    c = a * b + a  # c = ab + a: a reaches c along two paths
    c.backward()
    print(f"c = a*b + a = {c.data:.1f}; dc/da = b + 1 = {a.grad:.1f}; "
          f"dc/db = a = {b.grad:.1f}")
