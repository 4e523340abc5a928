"""Partner matrices written in French or Spanish: headers, statuses and categories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import govtrack as gt

MATRICES: dict[str, tuple[list[str], list[list[str | None]]]] = {
    "fr": (
        ["Recommandation", "Réponse de la direction", "Catégorie", "Action clé", "Responsable",
         "Échéance", "Statut", "Commentaires"],
        [
            ["Renforcer le suivi", "La direction accepte.", "Acceptée", "Recruter un chargé",
             "Unité S&E", "2023/03", "Achevé", "Fait en mars"],
            [None, None, None, "Former les comités", "Unité S&E", "2023/09", "En cours", ""],
            ["Revoir le budget", "En partie.", "Partiellement acceptée", "Réviser le plan",
             "Finances", "2023/01", "Non commencé", ""],
        ],
    ),
    "es": (
        ["Recomendación", "Respuesta de la gerencia", "Categoría", "Acción clave", "Responsable",
         "Plazo", "Estado", "Comentarios"],
        [
            ["Fortalecer el monitoreo", "Se acepta.", "Aceptada", "Contratar un oficial",
             "Unidad de M&E", "2023/03", "Completado", "Listo"],
            [None, None, None, "Capacitar a los comités", "Unidad de M&E", "2023/09", "En curso",
             ""],
            ["Revisar el presupuesto", "En parte.", "Parcialmente aceptada", "Revisar el plan",
             "Finanzas", "2023/01", "No iniciado", ""],
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(MATRICES))
def test_a_matrix_in_french_or_spanish_is_read(tmp_path: Path, language: str) -> None:
    """Regression: a management-response matrix headed in French or Spanish was refused
    ("no sheet has a header row govtrack recognises"), and with aliases= its statuses
    (`Achevé`, `En curso`) and categories (`Acceptée`) were unknown, so a completed action
    was overdue."""
    header, rows = MATRICES[language]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    path = tmp_path / f"{language}.xlsx"
    book.save(path)
    doc = gt.load(path)
    assert [p.code for p in doc.problems] == []
    recommendations = doc.evaluations[0].recommendations
    assert [r.response.category for r in recommendations] == [
        gt.ResponseCategory.ACCEPTED,
        gt.ResponseCategory.PARTIALLY_ACCEPTED,
    ]
    assert [a.status for a in doc.actions] == [
        gt.Status.COMPLETED,
        gt.Status.ONGOING,
        gt.Status.NOT_STARTED,
    ]
    summary = gt.summarize(doc, on=dt.date(2023, 6, 30))
    assert summary.by_status[gt.Status.OVERDUE] == 1  # the budget plan, due January


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("En cours", gt.Status.ONGOING),
        ("Terminé", gt.Status.COMPLETED),
        ("Non démarré", gt.Status.NOT_STARTED),
        ("Sans objet", gt.Status.NO_LONGER_APPLICABLE),
        ("En retard", gt.Status.OVERDUE),
        ("Finalizado", gt.Status.COMPLETED),
        ("En proceso", gt.Status.ONGOING),
        ("Sin iniciar", gt.Status.NOT_STARTED),
        ("Retrasado", gt.Status.OVERDUE),
        ("Achevé (mars 2023)", gt.Status.COMPLETED),
        ("En cours d'exécution 2024", gt.Status.ONGOING),  # an apostrophe inside the phrase
    ],
)
def test_french_and_spanish_status_words(word: str, status: gt.Status) -> None:
    """The status words French and Spanish trackers use, with or without accents."""
    assert gt.Status.parse(word) is status


@pytest.mark.parametrize(
    ("header", "words"),
    [
        (head, ("Recommandation", "N°", "Action clé", "Unité responsable", "Échéance", "Statut"))
        for head in (
            "N° Rec",
            "N° recommandation",
            "N° de la recommandation",
            "No. recommandation",
            "Nº recommandation",
            "N°recommandation",
            "N ° recommandation",
            "N°Rec",
        )
    ]
    + [
        (head, ("Recomendación", "N°", "Acción clave", "Responsable", "Plazo", "Estado"))
        for head in ("N° recomendación", "Nº de recomendación", "N° de recomendacion")
    ],
)
def test_a_french_or_spanish_recommendation_number_column(
    tmp_path: Path, header: str, words: tuple[str, ...]
) -> None:
    """Regression: `N° Rec`, `N° recommandation`, `N° de la recommandation`, `No.
    recommandation` (Spanish `N° recomendación`, `Nº de recomendación`) were not the
    recommendation's number column: the numbers landed on each action's `extra` (GT205)
    and the recommendations had no ref."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([header, *words])
    sheet.append([1, "Renforcer la formation.", "1.1", "Former les agents.", "Unité A",
                  "2024/06", "En cours"])  # fmt: skip
    sheet.append([2, "Améliorer le suivi.", "2.1", "Réviser les outils.", "Unité B",
                  "2023/12", "En cours"])  # fmt: skip
    path = tmp_path / "matrice.xlsx"
    book.save(path)
    doc = gt.load(path)
    assert [p.code for p in doc.problems] == []
    assert [r.ref for r in doc.recommendations] == ["1", "2"]
    assert [a.ref for a in doc.actions] == ["1.1", "2.1"]
    assert [dict(a.extra) for a in doc.actions] == [{}, {}]
