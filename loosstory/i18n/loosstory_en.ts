<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name></name>
    <message>
        <source>(plusieurs réponses possibles)</source>
        <translation>(more than one answer possible)</translation>
    </message>
    <message>
        <source>la maison du code source</source>
        <translation>the code-source house</translation>
    </message>
    <message>
        <source>la frise</source>
        <translation>the timeline</translation>
    </message>
    <message>
        <source>Corrigé</source>
        <translation>Answer key</translation>
    </message>
    <message>
        <source>Fiches de travail</source>
        <translation>Worksheets</translation>
    </message>
    <message>
        <source>Loos-en-Gohelle — présentateur</source>
        <translation>Loos-en-Gohelle — presenter</translation>
    </message>
    <message>
        <source>Notes pour l’orateur</source>
        <translation>Speaker notes</translation>
    </message>
    <message>
        <source>Chapitres, pour y aller</source>
        <translation>Chapters, to jump to</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Mettre le chronomètre en pause ou le relancer</source>
        <translation>Pause or restart the timer</translation>
    </message>
    <message>
        <source>Remettre à zéro</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Remettre le chronomètre à zéro</source>
        <translation>Reset the timer</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Notes plus petites</source>
        <translation>Smaller notes</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Notes plus grandes</source>
        <translation>Larger notes</translation>
    </message>
    <message>
        <source>Toutes les pages</source>
        <translation>All pages</translation>
    </message>
    <message>
        <source>Toutes les pages, en vignettes</source>
        <translation>All pages, as thumbnails</translation>
    </message>
    <message>
        <source>Échanger les écrans</source>
        <translation>Swap screens</translation>
    </message>
    <message>
        <source>Échanger les deux écrans</source>
        <translation>Swap the two screens</translation>
    </message>
    <message>
        <source>Étape %1 / %2</source>
        <translation>Step %1 / %2</translation>
    </message>
    <message>
        <source>Avant la première étape</source>
        <translation>Before the first step</translation>
    </message>
    <message>
        <source>(Pas de notes pour cette page.)</source>
        <translation>(No notes for this page.)</translation>
    </message>
    <message>
        <source>F5 ou → : commencer l’exposé.</source>
        <translation>F5 or →: start the talk.</translation>
    </message>
    <message>
        <source>Fin de l’histoire</source>
        <translation>End of the story</translation>
    </message>
    <message>
        <source>Ensuite : %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source> (en pause)</source>
        <translation> (paused)</translation>
    </message>
    <message>
        <source>Écoulé %1</source>
        <translation>Elapsed %1</translation>
    </message>
    <message>
        <source>En avance de %1 min</source>
        <translation>%1 min ahead</translation>
    </message>
    <message>
        <source>En retard de %1 min</source>
        <translation>%1 min behind</translation>
    </message>
    <message>
        <source>Dans les temps</source>
        <translation>On time</translation>
    </message>
</context>
<context>
    <name>AboutScreen</name>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Retour à l’écran précédent</source>
        <translation>Back to the previous screen</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>À propos de l’exposition</source>
        <translation>About the exhibition</translation>
    </message>
    <message>
        <source>Crédits, sources, images, polices et version</source>
        <translation>Credits, sources, images, fonts and version</translation>
    </message>
    <message>
        <source>L’exposition</source>
        <translation>The exhibition</translation>
    </message>
    <message>
        <source>%1&#xa0;: </source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>Les sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Les faits de l’exposition viennent de %1 sources publiques. Chacune est citée, avec son adresse, sur la page «&#xa0;Sources&#xa0;» à la fin de son chapitre.</source>
        <translation>The facts in this exhibition come from %1 public sources. Each one is cited, with its address, on the “Sources” page at the end of its chapter.</translation>
    </message>
    <message>
        <source>Les images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>%1&#xa0;: %2 image(s)</source>
        <translation>%1: %2 image(s)</translation>
    </message>
    <message>
        <source>Les polices de caractères</source>
        <translation>Typefaces</translation>
    </message>
    <message>
        <source>titres</source>
        <translation>headings</translation>
    </message>
    <message>
        <source>texte</source>
        <translation>text</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Application loosstory %1, logiciel libre sous licence MIT&#xa0;; Qt et PySide6 %2 sous licence LGPL-3.0.</source>
        <translation>loosstory %1, free software under the MIT licence; Qt and PySide6 %2 under the LGPL-3.0 licence.</translation>
    </message>
    <message>
        <source>Contenu «&#xa0;%1&#xa0;»</source>
        <translation>Content “%1”</translation>
    </message>
    <message>
        <source>, édition %1</source>
        <translation>, edition %1</translation>
    </message>
</context>
<context>
    <name>AttractLoop</name>
    <message>
        <source>Touchez l&apos;écran pour commencer</source>
        <translation>Touch the screen to begin</translation>
    </message>
    <message>
        <source>L&apos;exposition revient dans un instant</source>
        <translation>The exhibition will be back in a moment</translation>
    </message>
    <message>
        <source>Une exposition à parcourir</source>
        <translation>An exhibition to explore</translation>
    </message>
    <message>
        <source>Chapitre %1</source>
        <translation>Chapter %1</translation>
    </message>
</context>
<context>
    <name>ChapterBand</name>
    <message>
        <source>Chapitre %1&#xa0;· %2</source>
        <translation>Chapter %1 · %2</translation>
    </message>
    <message>
        <source>Page en français</source>
        <translation>Page in French (not yet translated)</translation>
    </message>
    <message>
        <source>Page %1 sur %2 du chapitre</source>
        <translation>Page %1 of %2 in this chapter</translation>
    </message>
</context>
<context>
    <name>ChapterCard</name>
    <message>
        <source>Chapitre %1&#xa0;: %2</source>
        <translation>Chapter %1: %2</translation>
    </message>
    <message>
        <source>Chapitre %1</source>
        <translation>Chapter %1</translation>
    </message>
</context>
<context>
    <name>CoverScreen</name>
    <message>
        <source>Une exposition à parcourir</source>
        <translation>An exhibition to explore</translation>
    </message>
    <message>
        <source>Commencer</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>Commencer la visite</source>
        <translation>Begin the visit</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Voir le sommaire des chapitres</source>
        <translation>See the list of chapters</translation>
    </message>
    <message>
        <source>Crédit de l’image&#xa0;: %1</source>
        <translation>Image credit: %1</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Fermer ✕</source>
        <translation>Close ✕</translation>
    </message>
    <message>
        <source>Fermer le panneau</source>
        <translation>Close the panel</translation>
    </message>
    <message>
        <source>Voir aussi</source>
        <translation>See also</translation>
    </message>
    <message>
        <source>Voir aussi : %1</source>
        <translation>See also: %1</translation>
    </message>
</context>
<context>
    <name>EndingScreen</name>
    <message>
        <source>Recommencer</source>
        <translation>Start again</translation>
    </message>
    <message>
        <source>Recommencer la visite au premier chapitre</source>
        <translation>Start the visit again from the first chapter</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Retour au sommaire</source>
        <translation>Back to the contents</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>À propos de l’exposition</source>
        <translation>About the exhibition</translation>
    </message>
    <message>
        <source>Merci de votre visite</source>
        <translation>Thank you for your visit</translation>
    </message>
    <message>
        <source>Fin de la visite</source>
        <translation>End of the visit</translation>
    </message>
    <message>
        <source>Les chapitres de l’exposition</source>
        <translation>The chapters of the exhibition</translation>
    </message>
    <message>
        <source>Vous avez parcouru les %1 chapitres de l’exposition&#xa0;:</source>
        <translation>You have explored all %1 chapters of the exhibition:</translation>
    </message>
    <message>
        <source>Vous avez parcouru %2 chapitre(s) sur %1&#xa0;:</source>
        <translation>You have explored %2 of %1 chapters:</translation>
    </message>
    <message>
        <source>Les %1 chapitres de l’exposition&#xa0;:</source>
        <translation>The %1 chapters of the exhibition:</translation>
    </message>
    <message>
        <source>vu</source>
        <translation>seen</translation>
    </message>
    <message>
        <source>à découvrir</source>
        <translation>still to discover</translation>
    </message>
    <message>
        <source>Touchez « Recommencer » pour revoir l’histoire depuis le début, ou « Sommaire » pour choisir un chapitre.</source>
        <translation>Touch “Start again” to see the story from the beginning, or “Contents” to choose a chapter.</translation>
    </message>
</context>
<context>
    <name>FigureWidget</name>
    <message>
        <source>Légende&#xa0;: %1</source>
        <translation>Caption: %1</translation>
    </message>
    <message>
        <source>Crédit&#xa0;: %1</source>
        <translation>Credit: %1</translation>
    </message>
</context>
<context>
    <name>FigureZoom</name>
    <message>
        <source>Image agrandie&#xa0;: %1</source>
        <translation>Enlarged picture: %1</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer l’image agrandie</source>
        <translation>Close the enlarged picture</translation>
    </message>
</context>
<context>
    <name>FindAnswers</name>
    <message>
        <source>Votre choix : %1</source>
        <translation>Your choice: %1</translation>
    </message>
</context>
<context>
    <name>GlossaryPopup</name>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fermer la définition</source>
        <translation>Close the definition</translation>
    </message>
    <message>
        <source>Définition : %1</source>
        <translation>Definition: %1</translation>
    </message>
</context>
<context>
    <name>GlossaryScreen</name>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Retour au sommaire</source>
        <translation>Back to the contents</translation>
    </message>
    <message>
        <source>Glossaire</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <source>Les mots difficiles et leur définition, de A à Z</source>
        <translation>Hard words and what they mean, A to Z</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <source>Temps restant</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Vous êtes toujours là&#xa0;?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>Sinon, l’histoire reprendra depuis le début.</source>
        <translation>If not, the story will start again from the beginning.</translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Continuer la visite</source>
        <translation>Continue the visit</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
</context>
<context>
    <name>LevelSwitch</name>
    <message>
        <source>Facile</source>
        <translation>Easy</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Approfondi</source>
        <translation>In depth</translation>
    </message>
    <message>
        <source>Niveau de lecture : %1</source>
        <translation>Reading level: %1</translation>
    </message>
    <message>
        <source>Niveau de lecture</source>
        <translation>Reading level</translation>
    </message>
    <message>
        <source>choisi</source>
        <translation>selected</translation>
    </message>
</context>
<context>
    <name>OrderAnswers</name>
    <message>
        <source>Effacer l’ordre</source>
        <translation>Clear the order</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>Toutes les pages</source>
        <translation>All pages</translation>
    </message>
</context>
<context>
    <name>PageGrid</name>
    <message>
        <source>Page %1 sur %2 : %3</source>
        <translation>Page %1 of %2: %3</translation>
    </message>
</context>
<context>
    <name>PageScreen</name>
    <message>
        <source>Texte de la page</source>
        <translation>Page text</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Retour au sommaire</source>
        <translation>Back to the contents</translation>
    </message>
    <message>
        <source>‹  Précédent</source>
        <translation>‹  Previous</translation>
    </message>
    <message>
        <source>Page précédente</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Suivant  ›</source>
        <translation>Next  ›</translation>
    </message>
    <message>
        <source>Page suivante</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Tester mes connaissances</source>
        <translation>Test what I know</translation>
    </message>
    <message>
        <source>Tester mes connaissances : le quiz du chapitre</source>
        <translation>Test what I know: the chapter quiz</translation>
    </message>
    <message>
        <source>Étape %1 / %2</source>
        <translation>Step %1 / %2</translation>
    </message>
    <message>
        <source>Chapitre suivant&#xa0;: %1</source>
        <translation>Next chapter: %1</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Fin de la visite</source>
        <translation>End of the visit</translation>
    </message>
</context>
<context>
    <name>PageText</name>
    <message>
        <source>Suite du texte ↓</source>
        <translation>More text ↓</translation>
    </message>
    <message>
        <source>La page continue&#xa0;: «&#xa0;Suivant&#xa0;» montre la suite</source>
        <translation>The page goes on: “Next” shows the rest</translation>
    </message>
</context>
<context>
    <name>PathProgress</name>
    <message>
        <source>Parcours&#xa0;: étape %1 sur %2</source>
        <translation>Route: step %1 of %2</translation>
    </message>
</context>
<context>
    <name>ProblemItem</name>
    <message>
        <source>(contenu)</source>
        <translation>(content)</translation>
    </message>
    <message>
        <source>%1, ligne %2</source>
        <translation>%1, line %2</translation>
    </message>
    <message>
        <source>Erreur</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Avertissement</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>ProblemsScreen</name>
    <message>
        <source>Le contenu contient 1 erreur</source>
        <translation>The content has 1 error</translation>
    </message>
    <message>
        <source>Le contenu contient %1 erreurs</source>
        <translation>The content has %1 errors</translation>
    </message>
    <message>
        <source>Le contenu ne peut pas être affiché</source>
        <translation>The content cannot be shown</translation>
    </message>
    <message>
        <source>L’histoire ne peut pas être présentée tant que ces erreurs ne sont pas corrigées. Chaque erreur indique le fichier et la ligne à modifier dans le dossier du contenu.</source>
        <translation>The story cannot be shown until these errors are fixed. Each error gives the file and the line to change in the content folder.</translation>
    </message>
    <message>
        <source>Liste des erreurs du contenu</source>
        <translation>List of the content’s errors</translation>
    </message>
</context>
<context>
    <name>ProgressDots</name>
    <message>
        <source>Page %1 sur %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>QuizAnswers</name>
    <message>
        <source>choisi</source>
        <translation>selected</translation>
    </message>
</context>
<context>
    <name>QuizScreen</name>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Un indice</source>
        <translation>A hint</translation>
    </message>
    <message>
        <source>Valider</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Relire la page</source>
        <translation>Read the page again</translation>
    </message>
    <message>
        <source>Question suivante</source>
        <translation>Next question</translation>
    </message>
    <message>
        <source>Recommencer</source>
        <translation>Start again</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Tester mes connaissances</source>
        <translation>Test what I know</translation>
    </message>
    <message>
        <source>Choisissez un chapitre :</source>
        <translation>Choose a chapter:</translation>
    </message>
    <message>
        <source>%1. %2 — %3 questions</source>
        <translation>%1. %2 — %3 questions</translation>
    </message>
    <message>
        <source>Question %1 sur %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <source>Indice : %1</source>
        <translation>Hint: %1</translation>
    </message>
    <message>
        <source>Bonne réponse&#xa0;!</source>
        <translation>Right!</translation>
    </message>
    <message>
        <source>Pas tout à fait. La bonne réponse&#xa0;: %1</source>
        <translation>Not quite. The right answer: %1</translation>
    </message>
    <message>
        <source>Voir mon score</source>
        <translation>See my score</translation>
    </message>
    <message>
        <source>Quiz terminé</source>
        <translation>Quiz finished</translation>
    </message>
    <message>
        <source>Votre score&#xa0;: %1 sur %2</source>
        <translation>Your score: %1 out of %2</translation>
    </message>
</context>
<context>
    <name>ReaderWindow</name>
    <message>
        <source>Couverture</source>
        <translation>Cover</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Page du chapitre</source>
        <translation>Chapter page</translation>
    </message>
    <message>
        <source>Erreurs du contenu</source>
        <translation>Content errors</translation>
    </message>
    <message>
        <source>Fin de la visite</source>
        <translation>End of the visit</translation>
    </message>
    <message>
        <source>À propos de l’exposition</source>
        <translation>About the exhibition</translation>
    </message>
    <message>
        <source>Toutes les pages</source>
        <translation>All pages</translation>
    </message>
    <message>
        <source>Glossaire</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Loos-en-Gohelle — loosstory</source>
        <translation>Loos-en-Gohelle — loosstory</translation>
    </message>
    <message>
        <source>{0}, étape {1} sur {2}</source>
        <translation>{0}, step {1} of {2}</translation>
    </message>
    <message>
        <source>‹ Retour</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Retour à l’endroit d’où vient le lien</source>
        <translation>Back to where the link was followed</translation>
    </message>
</context>
<context>
    <name>SchematicView</name>
    <message>
        <source>Pilier %1 sur %2</source>
        <translation>Pillar %1 of %2</translation>
    </message>
    <message>
        <source>Le toit : ce que cela produit</source>
        <translation>The roof: what it produces</translation>
    </message>
    <message>
        <source>fondations</source>
        <translation>foundations</translation>
    </message>
    <message>
        <source>pilier</source>
        <translation>pillar</translation>
    </message>
    <message>
        <source>toit</source>
        <translation>roof</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Réglages d’affichage et de lecture</source>
        <translation>Display and reading settings</translation>
    </message>
    <message>
        <source>Réglages</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Taille du texte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Texte à {0} %</source>
        <translation>Text at {0}%</translation>
    </message>
    <message>
        <source>Contraste élevé</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Mouvements réduits</source>
        <translation>Reduced motion</translation>
    </message>
    <message>
        <source>Lire à voix haute</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Lecture à voix haute indisponible : aucune voix n’est installée sur cet ordinateur.</source>
        <translation>Read-aloud unavailable: no voice is installed on this computer.</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Texte à {0} %, contraste élevé {1}, mouvements réduits {2}</source>
        <translation>Text at {0}%, high contrast {1}, reduced motion {2}</translation>
    </message>
    <message>
        <source>activé</source>
        <translation>on</translation>
    </message>
    <message>
        <source>désactivé</source>
        <translation>off</translation>
    </message>
    <message>
        <source>activés</source>
        <translation>on</translation>
    </message>
    <message>
        <source>désactivés</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Arrêter la lecture</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <source>Réglages ouverts</source>
        <translation>Settings open</translation>
    </message>
    <message>
        <source>Réglages fermés</source>
        <translation>Settings closed</translation>
    </message>
    <message>
        <source>Phrase lue</source>
        <translation>Sentence being read</translation>
    </message>
</context>
<context>
    <name>SommaireScreen</name>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Retour à l’accueil</source>
        <translation>Back to the start</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>À propos de l’exposition</source>
        <translation>About the exhibition</translation>
    </message>
    <message>
        <source>Toutes les pages</source>
        <translation>All pages</translation>
    </message>
    <message>
        <source>Toutes les pages, en vignettes</source>
        <translation>All pages, as thumbnails</translation>
    </message>
    <message>
        <source>Glossaire</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <source>Glossaire : les mots difficiles</source>
        <translation>Glossary: the hard words</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Tester mes connaissances : les quiz</source>
        <translation>Test what I know: the quizzes</translation>
    </message>
    <message>
        <source>Commencer la visite</source>
        <translation>Begin the visit</translation>
    </message>
    <message>
        <source>Commencer la visite au premier chapitre</source>
        <translation>Begin the visit at the first chapter</translation>
    </message>
    <message>
        <source>Chapitres</source>
        <translation>Chapters</translation>
    </message>
</context>
<context>
    <name>TimelineHeader</name>
    <message>
        <source>◀  Plus tôt</source>
        <translation>◀  Earlier</translation>
    </message>
    <message>
        <source>Plus tard  ▶</source>
        <translation>Later  ▶</translation>
    </message>
    <message>
        <source>Remonter le temps</source>
        <translation>Go back in time</translation>
    </message>
    <message>
        <source>Avancer dans le temps</source>
        <translation>Go forward in time</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Source : %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Sources : %1</source>
        <translation>Sources: %1</translation>
    </message>
</context>
<context>
    <name>ViewLinks</name>
    <message>
        <source>Chapitre « %1 »</source>
        <translation>Chapter “%1”</translation>
    </message>
</context>
<context>
    <name>WorkshopBar</name>
    <message>
        <source>Atelier</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Glossaire</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Imprimer une fiche</source>
        <translation>Print a worksheet</translation>
    </message>
    <message>
        <source>Enregistrer la fiche</source>
        <translation>Save the worksheet</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Impossible d’écrire la fiche : %1</source>
        <translation>Could not write the worksheet: %1</translation>
    </message>
    <message>
        <source>Fiche et corrigé enregistrés : %1</source>
        <translation>Worksheet and answer key saved: %1</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <source>Aller à l’étape : %1</source>
        <translation>Go to step: %1</translation>
    </message>
    <message>
        <source>Un seul écran : répétition (A : plein écran)</source>
        <translation>One screen: rehearsal (A: full screen)</translation>
    </message>
</context>
</TS>
