"""Optimizers (lr, decay, Keras 1 defaults), regularizers (Keras 1's 0.01 defaults) and constraints."""

from __future__ import annotations

from tests.migrate.migratelib import MigrateTest, unchanged


class TestOptimizers(MigrateTest):
    def test_sgd_lr_and_decay_schedule(self):
        self.assertMigrates(
            "from keras.optimizers import SGD\nsgd = SGD(lr=0.1, decay=1e-6, momentum=0.9, nesterov=True)\n",
            "from keras.optimizers import SGD\nimport keras\nsgd = SGD(learning_rate=keras.optimizers.schedules."
            "InverseTimeDecay(initial_learning_rate=0.1, decay_rate=1e-6, decay_steps=1), momentum=0.9, "
            "nesterov=True)\n",
            fixed=["LK601"],
        )

    def test_zero_decay_is_just_removed(self):
        self.assertMigrates(
            "from keras.optimizers import RMSprop\nopt = RMSprop(lr=0.001, rho=0.9, epsilon=1e-08, decay=0.0)\n",
            "from keras.optimizers import RMSprop\nopt = RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-08)\n",
        )

    def test_decay_without_lr_uses_the_keras1_default(self):
        self.assertMigrates(
            "from keras import optimizers\nopt = optimizers.Adam(decay=0.01)\n",
            "from keras import optimizers\nopt = optimizers.Adam(learning_rate=optimizers."
            "schedules.InverseTimeDecay(initial_learning_rate=0.001, decay_rate=0.01, decay_steps=1))\n",
        )

    def test_keras1_default_learning_rates_are_written_out(self):
        self.assertMigrates(
            "from keras.optimizers import Adadelta, Adagrad, Nadam\na = Adadelta()\nb = Adagrad(lr=0.05)\n"
            "c = Nadam(schedule_decay=0.004)\n",
            "from keras.optimizers import Adadelta, Adagrad, Nadam\na = Adadelta()\n"
            "b = Adagrad(learning_rate=0.05, initial_accumulator_value=0.0)\nc = Nadam(learning_rate=0.002)\n",
        )

    def test_lowercase_alias_is_the_class(self):
        self.assertMigrates(
            "from keras.optimizers import sgd\nopt = sgd(0.01, 0.9, 1e-4)\n",
            "from keras.optimizers import SGD\nimport keras\nopt = SGD(keras.optimizers.schedules.InverseTimeDecay("
            "initial_learning_rate=0.01, decay_rate=1e-4, decay_steps=1), 0.9)\n",
        )

    def test_keras3_optimizer_is_untouched(self):
        unchanged("from keras.optimizers import SGD\nopt = SGD(learning_rate=0.1, momentum=0.9)\n")


class TestRegularizers(MigrateTest):
    def test_l1l2_keeps_keras1_defaults(self):
        self.assertMigrates(
            "from keras.regularizers import l1l2\nr = l1l2()\ns = l1l2(0.001)\n",
            "from keras.regularizers import l1_l2\nr = l1_l2(l1=0.01, l2=0.01)\ns = l1_l2(0.001, l2=0.01)\n",
        )

    def test_l_keyword_and_activity_helpers(self):
        self.assertMigrates(
            "from keras.regularizers import l2, activity_l2, WeightRegularizer\na = l2(l=0.01)\nb = activity_l2(0.1)\n"
            "c = WeightRegularizer(l1=0.1)\n",
            "from keras.regularizers import l2, L1L2\na = l2(l2=0.01)\nb = l2(0.1)\nc = L1L2(l1=0.1)\n",
        )

    def test_constraints(self):
        self.assertMigrates(
            "from keras.constraints import maxnorm, nonneg, MinMaxNorm\na = maxnorm(m=3)\nb = nonneg()\n"
            "c = MinMaxNorm(low=0.0, high=2.0)\n",
            "from keras.constraints import MaxNorm, NonNeg, MinMaxNorm\na = MaxNorm(max_value=3)\nb = NonNeg()\n"
            "c = MinMaxNorm(min_value=0.0, max_value=2.0)\n",
        )
