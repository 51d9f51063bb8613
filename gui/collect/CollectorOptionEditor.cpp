#include "CollectorOptionEditor.h"

#include "PidPickerDialog.h"
#include "collectors/options/CaptureFilter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

#include <functional>

CollectorOptionEditor::~CollectorOptionEditor() = default;

namespace {
using Type = CollectorOption::Type;

class FlagEditor : public CollectorOptionEditor
{
public:
    FlagEditor(const CollectorOption &o, QWidget *parent) : CollectorOptionEditor(o), m_box(new QCheckBox(parent)) {}
    QWidget *widget() const override { return m_box; }
    QVariant value() const override { return m_box->isChecked(); }
    void setValue(const QVariant &v) override { m_box->setChecked(v.toBool()); }

private:
    QCheckBox *m_box;
};

class IntegerEditor : public CollectorOptionEditor
{
public:
    IntegerEditor(const CollectorOption &o, QWidget *parent) : CollectorOptionEditor(o), m_spin(new QSpinBox(parent))
    {
        m_spin->setRange(int(o.minimum), int(o.maximum));
    }
    QWidget *widget() const override { return m_spin; }
    QVariant value() const override { return QVariant::fromValue(qint64(m_spin->value())); }
    void setValue(const QVariant &v) override { m_spin->setValue(int(v.toLongLong())); }

private:
    QSpinBox *m_spin;
};

class DurationEditor : public CollectorOptionEditor
{
public:
    DurationEditor(const CollectorOption &o, QWidget *parent) : CollectorOptionEditor(o), m_spin(new QDoubleSpinBox(parent))
    {
        m_spin->setDecimals(o.decimals);
        m_spin->setRange(o.minimum, o.maximum);
        m_spin->setSuffix(QCoreApplication::translate("CollectorOptionEditor", " s"));
    }
    QWidget *widget() const override { return m_spin; }
    QVariant value() const override { return m_spin->value(); }
    void setValue(const QVariant &v) override { m_spin->setValue(v.toDouble()); }

private:
    QDoubleSpinBox *m_spin;
};

// A number and a unit (bytes, KiB, MiB, GiB).
class SizeEditor : public CollectorOptionEditor
{
public:
    SizeEditor(const CollectorOption &o, QWidget *parent)
        : CollectorOptionEditor(o), m_widget(new QWidget(parent)), m_spin(new QSpinBox(m_widget)), m_unit(new QComboBox(m_widget))
    {
        auto *row = new QHBoxLayout(m_widget);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(m_spin, 1);
        row->addWidget(m_unit);
        for (const auto &[name, shift] : units())
            m_unit->addItem(name, shift);
        QObject::connect(m_unit, &QComboBox::currentIndexChanged, m_widget, [this] { updateRange(); });
        m_unit->setCurrentIndex(2);
        updateRange();
    }
    QWidget *widget() const override { return m_widget; }
    QVariant value() const override { return QVariant::fromValue(qint64(m_spin->value()) << m_unit->currentData().toInt()); }
    void setValue(const QVariant &v) override
    {
        const qint64 bytes = v.toLongLong();
        int index = 0;
        for (int i = m_unit->count() - 1; i >= 0; --i) {
            const int shift = m_unit->itemData(i).toInt();
            if (bytes % (qint64(1) << shift) == 0 && (bytes >> shift) <= std::numeric_limits<int>::max()) {
                index = i;
                break;
            }
        }
        m_unit->setCurrentIndex(index);
        updateRange();
        m_spin->setValue(int(bytes >> m_unit->currentData().toInt()));
    }

private:
    static QList<std::pair<QString, int>> units()
    {
        return {{QCoreApplication::translate("CollectorOptionEditor", "bytes"), 0}, {QCoreApplication::translate("CollectorOptionEditor", "KiB"), 10}, {QCoreApplication::translate("CollectorOptionEditor", "MiB"), 20}, {QCoreApplication::translate("CollectorOptionEditor", "GiB"), 30}};
    }
    void updateRange()
    {
        const qint64 unit = qint64(1) << m_unit->currentData().toInt();
        const qint64 lo = (qint64(option().minimum) + unit - 1) / unit;
        const qint64 hi = qint64(option().maximum) / unit;
        m_spin->setRange(int(std::max<qint64>(lo, 1)), int(std::min<qint64>(hi, std::numeric_limits<int>::max())));
    }
    QWidget *m_widget;
    QSpinBox *m_spin;
    QComboBox *m_unit;
};

class TextEditor : public CollectorOptionEditor
{
public:
    TextEditor(const CollectorOption &o, QWidget *parent) : CollectorOptionEditor(o), m_edit(new QLineEdit(parent))
    {
        if (o.type == Type::NameList)
            m_edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_.@,\\s-]*")), m_edit));
    }
    QWidget *widget() const override { return m_edit; }
    QVariant value() const override
    {
        if (option().type == Type::NameList)
            return m_edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
        return m_edit->text();
    }
    void setValue(const QVariant &v) override { m_edit->setText(option().display(v)); }

private:
    QLineEdit *m_edit;
};

// Process ids typed or picked from this machine's processes.
class PidListEditor : public CollectorOptionEditor
{
public:
    PidListEditor(const CollectorOption &o, QWidget *parent)
        : CollectorOptionEditor(o), m_widget(new QWidget(parent)), m_edit(new QLineEdit(m_widget)),
          m_pick(new QPushButton(QCoreApplication::translate("CollectorOptionEditor", "Choose…"), m_widget))
    {
        auto *row = new QHBoxLayout(m_widget);
        row->setContentsMargins(0, 0, 0, 0);
        row->addWidget(m_edit, 1);
        row->addWidget(m_pick);
        m_edit->setPlaceholderText(QCoreApplication::translate("CollectorOptionEditor", "process ids, e.g. 1234, 5678"));
        m_edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9,\\s]*")), m_edit));
        m_pick->setObjectName(QStringLiteral("pickPids"));
        QObject::connect(m_pick, &QPushButton::clicked, m_widget, [this] {
            PidPickerDialog picker(m_widget);
            if (picker.exec() == QDialog::Accepted && !picker.selectedPids().isEmpty())
                setValue(QVariant::fromValue(picker.selectedPids()));
        });
        setLocalHost(false);
    }
    QWidget *widget() const override { return m_widget; }
    QVariant value() const override
    {
        QList<qint64> pids;
        for (const QString &part : m_edit->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
            pids << part.toLongLong();
        return QVariant::fromValue(pids);
    }
    void setValue(const QVariant &v) override { m_edit->setText(option().display(v).replace(QLatin1Char(','), QLatin1String(", "))); }
    void setLocalHost(bool local) override
    {
        m_pick->setEnabled(local);
        m_pick->setToolTip(local ? QCoreApplication::translate("CollectorOptionEditor", "Pick processes of this machine.")
                                 : QCoreApplication::translate("CollectorOptionEditor", "Processes can be picked for the local host only; type the ids for other hosts."));
    }

private:
    QWidget *m_widget;
    QLineEdit *m_edit;
    QPushButton *m_pick;
};

// Interface names of this machine (and "any"), or typed for another host.
class InterfaceEditor : public CollectorOptionEditor
{
public:
    InterfaceEditor(const CollectorOption &o, QWidget *parent) : CollectorOptionEditor(o), m_combo(new QComboBox(parent))
    {
        m_combo->setEditable(true);
        m_combo->setInsertPolicy(QComboBox::NoInsert);
        m_combo->lineEdit()->setPlaceholderText(QCoreApplication::translate("CollectorOptionEditor", "interface, e.g. eth0 or any"));
        m_combo->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_.:@-]{0,64}")), m_combo));
        setLocalHost(false);
    }
    QWidget *widget() const override { return m_combo; }
    QVariant value() const override { return m_combo->currentText().trimmed(); }
    void setValue(const QVariant &v) override { m_combo->setEditText(v.toString()); }
    void setLocalHost(bool local) override
    {
        const QString text = m_combo->currentText();
        m_combo->clear();
        m_combo->addItem(QStringLiteral("any"));
        if (local)
            for (const QNetworkInterface &i : QNetworkInterface::allInterfaces())
                m_combo->addItem(i.name());
        m_combo->setEditText(text);
    }

private:
    QComboBox *m_combo;
};

// A capture filter, checked as it is typed.
class CaptureFilterEditor : public CollectorOptionEditor
{
public:
    CaptureFilterEditor(const CollectorOption &o, QWidget *parent)
        : CollectorOptionEditor(o), m_widget(new QWidget(parent)), m_edit(new QLineEdit(m_widget)), m_status(new QLabel(m_widget))
    {
        auto *column = new QVBoxLayout(m_widget);
        column->setContentsMargins(0, 0, 0, 0);
        column->addWidget(m_edit);
        column->addWidget(m_status);
        m_edit->setPlaceholderText(QCoreApplication::translate("CollectorOptionEditor", "e.g. port 2049 or port 111 (empty: everything)"));
        m_status->setTextFormat(Qt::PlainText);
        m_status->setWordWrap(true);
        m_status->setObjectName(QStringLiteral("filterStatus"));
        QObject::connect(m_edit, &QLineEdit::textChanged, m_widget, [this] { updateStatus(); });
        updateStatus();
    }
    QWidget *widget() const override { return m_widget; }
    QVariant value() const override { return m_edit->text(); }
    void setValue(const QVariant &v) override { m_edit->setText(v.toString()); }

private:
    void updateStatus()
    {
        const QString text = m_edit->text();
        const CaptureFilter f = CaptureFilter::parse(text);
        if (text.trimmed().isEmpty()) {
            m_status->setText(QCoreApplication::translate("CollectorOptionEditor", "No filter: every packet is captured."));
            m_status->setStyleSheet(QString());
        } else if (f.isValid()) {
            m_status->setText(QCoreApplication::translate("CollectorOptionEditor", "tcpdump gets: %1").arg(f.filter()));
            m_status->setStyleSheet(QString());
        } else {
            m_status->setText(QCoreApplication::translate("CollectorOptionEditor", "Not a valid filter: it %1.").arg(f.error()));
            m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
        }
    }
    QWidget *m_widget;
    QLineEdit *m_edit;
    QLabel *m_status;
};

// Absolute paths, one per line.
class PathListEditor : public CollectorOptionEditor
{
public:
    PathListEditor(const CollectorOption &o, QWidget *parent) : CollectorOptionEditor(o), m_edit(new QPlainTextEdit(parent))
    {
        m_edit->setPlaceholderText(QCoreApplication::translate("CollectorOptionEditor", "one absolute path per line, e.g. /var/log/kern.log"));
        m_edit->setTabChangesFocus(true);
        m_edit->setMaximumHeight(m_edit->fontMetrics().lineSpacing() * 5);
    }
    QWidget *widget() const override { return m_edit; }
    QVariant value() const override { return m_edit->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    void setValue(const QVariant &v) override { m_edit->setPlainText(v.toStringList().join(QLatin1Char('\n'))); }

private:
    QPlainTextEdit *m_edit;
};

class ChoiceEditor : public CollectorOptionEditor
{
public:
    ChoiceEditor(const CollectorOption &o, QWidget *parent) : CollectorOptionEditor(o), m_combo(new QComboBox(parent))
    {
        m_combo->addItems(o.choices);
    }
    QWidget *widget() const override { return m_combo; }
    QVariant value() const override { return m_combo->currentText(); }
    void setValue(const QVariant &v) override { m_combo->setCurrentIndex(std::max(0, m_combo->findText(v.toString()))); }

private:
    QComboBox *m_combo;
};

using Creator = std::function<std::unique_ptr<CollectorOptionEditor>(const CollectorOption &, QWidget *)>;

template<class E>
Creator creator()
{
    return [](const CollectorOption &o, QWidget *parent) { return std::make_unique<E>(o, parent); };
}

const QHash<Type, Creator> &registry()
{
    static const QHash<Type, Creator> r{
        {Type::Flag, creator<FlagEditor>()},
        {Type::Integer, creator<IntegerEditor>()},
        {Type::Duration, creator<DurationEditor>()},
        {Type::Size, creator<SizeEditor>()},
        {Type::Text, creator<TextEditor>()},
        {Type::NameList, creator<TextEditor>()},
        {Type::PidList, creator<PidListEditor>()},
        {Type::Interface, creator<InterfaceEditor>()},
        {Type::CaptureFilter, creator<CaptureFilterEditor>()},
        {Type::PathList, creator<PathListEditor>()},
        {Type::Choice, creator<ChoiceEditor>()},
    };
    return r;
}
}

std::unique_ptr<CollectorOptionEditor> CollectorOptionEditor::create(const CollectorOption &option, QWidget *parent)
{
    const Creator make = registry().value(option.type, creator<TextEditor>());
    std::unique_ptr<CollectorOptionEditor> editor = make(option, parent);
    editor->setValue(option.defaultValue);
    editor->widget()->setToolTip(help(option));
    if (auto *box = qobject_cast<QCheckBox *>(editor->widget()))
        box->setText(label(option));
    editor->widget()->setObjectName(QStringLiteral("option-") + option.name);
    return editor;
}

QString CollectorOptionEditor::label(const CollectorOption &option)
{
    return QCoreApplication::translate("CollectorOption", option.label.toUtf8().constData());
}

QString CollectorOptionEditor::help(const CollectorOption &option)
{
    return QCoreApplication::translate("CollectorOption", option.help.toUtf8().constData());
}
